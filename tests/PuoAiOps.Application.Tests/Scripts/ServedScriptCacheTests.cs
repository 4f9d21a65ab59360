using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Tests.Scripts;

/// <summary>The bot's in-memory copy of the served scripts: approvals and retirements at once, anything else within the refresh interval, effective dates kept.</summary>
public sealed class ServedScriptCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Intent = "recharge_not_credited";
    private const string Body = "Hi {{user_name}}, your coins arrive within 5 minutes. Pull down on the wallet page to refresh.";
    private static readonly ScriptVariable[] Vars = [new("user_name")];

    private static NewScriptInput New(DateTime? effectiveFrom = null) =>
        new(Intent, "en", ScriptChannels.Im, "Recharge not credited", new DraftInput(Body, Vars, ["recharge-not-credited"], effectiveFrom));

    /// <summary>The container the cache reads through: a script library over the test bed's database per scope.</summary>
    private static ServiceProvider Container(ScriptTestBed bed)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<PuoDbContext>(_ => bed.Bed.NewContext());
        services.AddScoped<StyleRuleSettings>();
        services.AddScoped<ScriptEditor>();
        services.AddScoped<ScriptLibrary>();
        return services.BuildServiceProvider();
    }

    private static async Task<(long ScriptId, long VersionId)> ApproveAsync(ScriptTestBed bed, ScriptReview review, ScriptEditor editor, NewScriptInput input)
    {
        var created = await editor.CreateAsync(input, bed.Bed.Curator, Ct);
        var stamp = await review.SubmitAsync(created.VersionId, created.Stamp, bed.Bed.Curator, Ct);
        await review.ApproveAsync(created.VersionId, stamp, bed.Bed.Reviewer, ct: Ct);
        return (created.ScriptId, created.VersionId);
    }

    [Fact]
    public async Task FindAsync_SeesAnApprovalAndARetirementThroughReviewAtOnce()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync(Intent);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var container = Container(bed);
        using var cache = new ServedScriptCache(container.GetRequiredService<IServiceScopeFactory>(), clock);
        var now = clock.GetUtcNow().UtcDateTime;
        Assert.Null(await cache.FindAsync(Intent, "en", ScriptChannels.Im, now, Ct));

        await using var s = bed.Open();
        var review = new ScriptReview(s.Db, s.Editor, NullLogger<ScriptReview>.Instance, cache);
        var (scriptId, versionId) = await ApproveAsync(bed, review, s.Editor, New());
        var served = await cache.FindAsync(Intent, "en", ScriptChannels.Im, now, Ct);
        Assert.Equal((versionId, Body, "<p>"), (served?.VersionId, served?.Body, served?.Html[..3]));
        Assert.Null(await cache.FindAsync(Intent, "zh-CN", ScriptChannels.Im, now, Ct));

        await review.RetireAsync(scriptId, bed.Bed.Reviewer, Ct);
        Assert.Null(await cache.FindAsync(Intent, "en", ScriptChannels.Im, now, Ct));
    }

    [Fact]
    public async Task FindAsync_SeesAChangeMadeElsewhereOnlyAfterTheRefreshInterval()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync(Intent);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var container = Container(bed);
        using var cache = new ServedScriptCache(container.GetRequiredService<IServiceScopeFactory>(), clock);
        var now = clock.GetUtcNow().UtcDateTime;
        Assert.Null(await cache.FindAsync(Intent, "en", ScriptChannels.Im, now, Ct));

        // Approved by a review that does not know this cache: another process, as far as the cache can tell.
        await using var s = bed.Open();
        var (_, versionId) = await ApproveAsync(bed, s.Review, s.Editor, New());
        clock.Advance(ServedScriptCache.RefreshAfter - TimeSpan.FromMilliseconds(1));
        Assert.Null(await cache.FindAsync(Intent, "en", ScriptChannels.Im, now, Ct));
        clock.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(versionId, (await cache.FindAsync(Intent, "en", ScriptChannels.Im, now, Ct))?.VersionId);
    }

    [Fact]
    public async Task FindAsync_ServesAVersionFromItsEffectiveDate_AsTheLibraryDoes()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync(Intent);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var container = Container(bed);
        using var cache = new ServedScriptCache(container.GetRequiredService<IServiceScopeFactory>(), clock);
        await using var s = bed.Open();
        var review = new ScriptReview(s.Db, s.Editor, NullLogger<ScriptReview>.Instance, cache);
        var from = DateTime.UtcNow.AddDays(1);
        var (_, versionId) = await ApproveAsync(bed, review, s.Editor, New(from));

        foreach (var at in new[] { from.AddMinutes(-1), from.AddMinutes(1) })
        {
            var library = (await s.Library.ServedAsync(Intent, "en", ScriptChannels.Im, at, Ct)).SingleOrDefault()?.VersionId;
            Assert.Equal(library, (await cache.FindAsync(Intent, "en", ScriptChannels.Im, at, Ct))?.VersionId);
        }
        Assert.Equal(versionId, (await cache.FindAsync(Intent, "en", ScriptChannels.Im, from, Ct))?.VersionId);
        Assert.Null(await cache.FindAsync(Intent, "en", ScriptChannels.Im, from.AddTicks(-1), Ct));
    }
}
