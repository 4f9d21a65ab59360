using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Escalations;

namespace PuoAiOps.Application.Tests.Escalations;

/// <summary>Two people press "take" on the same case at the same moment, many times: exactly one wins, the other is told who did.</summary>
public sealed class EscalationRaceTests
{
    private const int Races = 60;

    [Fact]
    public async Task ConcurrentTakes_OneWins_TheOtherGetsAConflict_AndOneAuditEntry()
    {
        var ct = EscalationTestBed.Ct;
        await using var bed = await EscalationTestBed.CreateAsync();
        var ids = new List<long>();
        for (var i = 0; i < Races; i++) ids.Add(await bed.AddAsync());

        foreach (var id in ids)
        {
            // Both saw version 0, as two open pages would.
            var attempts = await Task.WhenAll(
                Task.Run(() => TryAsync(() => bed.DeskAsync(d => d.TakeAsync(id, 0, bed.Curator, ct))), ct),
                Task.Run(() => TryAsync(() => bed.DeskAsync(d => d.TakeAsync(id, 0, bed.Reviewer, ct))), ct));

            var won = Assert.Single(attempts, a => a.Result is not null);
            var lost = Assert.Single(attempts, a => a.Refusal is not null);
            Assert.Contains(lost.Refusal!.Code!.Code, new Enum[] { EscalationRefusal.TakenByOther, EscalationRefusal.Changed });
            if (lost.Refusal.Code.Code.Equals(EscalationRefusal.TakenByOther))
                Assert.Equal(won.Result!.AssigneeId == bed.Curator.UserId ? bed.Curator.DisplayName : bed.Reviewer.DisplayName, lost.Refusal.Code.Args[1]);
            await using var db = bed.NewContext();
            var stored = await db.Escalations.AsNoTracking().SingleAsync(e => e.Id == id, ct);
            Assert.Equal((won.Result!.AssigneeId, 1), (stored.AssigneeId, stored.Version));
        }
        await using (var db = bed.NewContext())
            Assert.Equal(Races, await db.AuditLog.CountAsync(a => a.Action == "escalation.take", ct));
    }

    private static async Task<(EscalationOutcomeView? Result, ConflictException? Refusal)> TryAsync(Func<Task<EscalationOutcomeView>> take)
    {
        try { return (await take(), null); }
        catch (ConflictException ex) { return (null, ex); }
    }
}
