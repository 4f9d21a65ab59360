using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Tests.Scripts;

/// <summary>What the library page asks of Application: pages of scripts, people by name, intents to write for, the four-eyes rule.</summary>
public sealed class ScriptPagingAndDirectoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PageAsync_ReturnsTheAskedPage_InTheAskedOrder_WithTheTotalOfTheFilteredSet()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await using var s = bed.Open();
        foreach (var key in new[] { "c_intent", "a_intent", "b_intent", "d_intent", "e_intent" })
        {
            await bed.AddIntentAsync(key);
            await s.Editor.CreateAsync(new NewScriptInput(key, "en", ScriptChannels.Im, "Title " + key[0], new DraftInput("Hi, this is " + key + ".")), bed.Bed.Curator, Ct);
        }
        await s.Editor.CreateAsync(new NewScriptInput("a_intent", "zh-CN", ScriptChannels.Im, "标题", new DraftInput("您好，这是一个话术。")), bed.Bed.Curator, Ct);

        var first = await s.Library.PageAsync(new ScriptQuery(Locale: "en"), 0, 2, ct: Ct);
        Assert.Equal(5, first.Total);
        Assert.Equal(["a_intent", "b_intent"], first.Rows.Select(r => r.IntentKey));
        var last = await s.Library.PageAsync(new ScriptQuery(Locale: "en"), 4, 2, ScriptSort.Title, descending: true, Ct);
        Assert.Equal("Title a", Assert.Single(last.Rows).Title);
        Assert.Equal(6, (await s.Library.PageAsync(null, 0, 100, ct: Ct)).Total);
        await Assert.ThrowsAsync<ValidationException>(() => s.Library.PageAsync(null, 0, 0, ct: Ct));
        await Assert.ThrowsAsync<ValidationException>(() => s.Library.PageAsync(null, -1, 10, ct: Ct));
    }

    [Fact]
    public async Task Directory_NamesThePeople_AndFindsActiveIntentsByKeyNameOrDescription()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync("refund_request", configure: i => (i.Names, i.Description) = (new() { ["en"] = "Refund", ["zh-CN"] = "申请退款" }, "money back"));
        await bed.AddIntentAsync("old_refund", IntentStatus.Deprecated);
        await bed.AddIntentAsync("payout_schedule");
        await using var s = bed.Open();
        var directory = new ScriptDirectory(s.Db);

        Assert.Equal(["refund_request"], (await directory.IntentsAsync("退款", ct: Ct)).Select(i => i.Key));
        Assert.Equal(["refund_request"], (await directory.IntentsAsync("MONEY", ct: Ct)).Select(i => i.Key));
        Assert.Equal(["payout_schedule", "refund_request"], (await directory.IntentsAsync(null, ct: Ct)).Select(i => i.Key));

        var names = await directory.NamesAsync([bed.Bed.Curator.UserId, null, "nobody"], Ct);
        Assert.Equal("Cora Curator", Assert.Single(names).Value);
    }

    [Fact]
    public void IsOwnChange_CoversTheAuthorAndTheLastEditor_NotOtherReviewers()
    {
        var rex = Actor.User("u-rex", "Rex", Roles.Reviewer);
        Assert.True(ScriptReview.IsOwnChange("u-rex", "u-lin", rex));
        Assert.True(ScriptReview.IsOwnChange("u-lin", "u-rex", rex));
        Assert.False(ScriptReview.IsOwnChange("u-lin", "u-lin", rex));
        Assert.False(ScriptReview.IsOwnChange("u-lin", null, Actor.System("cli", Roles.Admin)));
    }
}
