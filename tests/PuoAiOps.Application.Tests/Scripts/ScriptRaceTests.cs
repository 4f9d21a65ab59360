using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Tests.Scripts;

/// <summary>Two curators save the same draft at once, 1,000 times: one save wins, the other gets both texts, nothing is lost or mixed.</summary>
public sealed class ScriptRaceTests
{
    private const int Races = 1000;

    [Fact]
    public Task ConcurrentDraftSaves_OneWins_TheOtherGetsAConflictWithBothTexts_Sqlite() => RunAsync(DatabaseProvider.Sqlite);

    [Fact]
    public Task ConcurrentDraftSaves_OneWins_TheOtherGetsAConflictWithBothTexts_Postgres() => RunAsync(DatabaseProvider.Postgres);

    private static async Task RunAsync(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bed = await ScriptTestBed.CreateAsync(provider);
        await bed.AddIntentAsync("recharge_not_credited");
        var curatorB = Application.Common.Actor.User(bed.Bed.Reviewer2.UserId!, "Bea Curator", Persistence.Entities.Roles.Curator);
        SaveResult created;
        await using (var s = bed.Open())
            created = await s.Editor.CreateAsync(new NewScriptInput("recharge_not_credited", "en", ScriptChannels.Im, "Recharge",
                new DraftInput("Hi {{user_name}}, start.", [new ScriptVariable("user_name")])), bed.Bed.Curator, ct);

        var stamp = created.Stamp;
        for (var race = 0; race < Races; race++)
        {
            var textA = $"Hi {{{{user_name}}}}, text A of race {race}.";
            var textB = $"Hi {{{{user_name}}}}, text B of race {race}.";
            await using var a = bed.Open();
            await using var b = bed.Open();
            var results = await Task.WhenAll(
                Task.Run(() => a.Editor.SaveDraftAsync(created.ScriptId, new DraftInput(textA, [new ScriptVariable("user_name")], ExpectedStamp: stamp), bed.Bed.Curator, ct), ct),
                Task.Run(() => b.Editor.SaveDraftAsync(created.ScriptId, new DraftInput(textB, [new ScriptVariable("user_name")], ExpectedStamp: stamp), curatorB, ct), ct));

            var won = Assert.Single(results, r => r.Outcome == SaveOutcome.Saved);
            var lost = Assert.Single(results, r => r.Outcome == SaveOutcome.Conflict);
            var winnerText = won == results[0] ? textA : textB;
            var loserText = won == results[0] ? textB : textA;
            Assert.Equal(loserText, lost.YourBody);
            Assert.Equal(winnerText, lost.TheirBody);
            Assert.Equal(won.Stamp, lost.Stamp);

            await using var check = bed.Open();
            var stored = await check.Db.ScriptVersions.AsNoTracking().Where(v => v.ScriptId == created.ScriptId).ToListAsync(ct);
            var draft = Assert.Single(stored);
            Assert.Equal((winnerText, won.Stamp), (draft.Body, draft.Stamp));
            stamp = won.Stamp;
        }
        await using (var s = bed.Open())
            Assert.Equal(Races, await s.Db.AuditLog.CountAsync(e => e.Action == "script.save", ct));
    }
}
