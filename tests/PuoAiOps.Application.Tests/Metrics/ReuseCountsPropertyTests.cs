using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Classifier;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>
/// The per-day reuse counts the rollup job keeps up to date run after run (conversations arriving late,
/// with earlier times, days passing) must equal a full recomputation, and the reuse they give must
/// equal the distinct count over the per-user daily rows for any period and locale/channel cell.
/// </summary>
public sealed class ReuseCountsPropertyTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly int?[] NoIntent = [null];

    // Six users, an hour slot over 20 days, no intent, written by one of three runs.
    private static readonly Gen<GeneratedConversation> Conversation = ReuseTraffic.Conversation(users: 6, slots: 20 * 24, runs: 3);

    [Fact]
    public async Task ReuseCounts_UpdatedIncrementally_EqualFullRecomputation_AndTheDistinctCountOverUserRows()
    {
        await Gen.Select(Conversation.Array[1, 50], Gen.Int[1, 5]).SampleAsync(async (raw, window) =>
        {
            await using var workspace = await TempWorkspace.CreateAsync();
            var clock = new ManualClock();
            var start = clock.GetUtcNow().UtcDateTime.Date.AddDays(-14);
            await using var services = MetricsHost.Build(workspace.DataDir, clock, o => o.ReuseWindowDays = window);
            // Later runs may write conversations from before the last run (higher ids, earlier times), as the bot may.
            await services.RunAndCompareAsync(clock, runs: 3, write: async run =>
            {
                await using var db = workspace.NewContext();
                db.Conversations.AddRange(raw.Where(r => r.Run == run).Select(r => r.ToEntity(start, Hour, NoIntent)));
                await db.SaveChangesAsync(Ct);
            }, advance: _ => TimeSpan.FromDays(2));

            await using var read = workspace.NewContext();
            var first = DateOnly.FromDateTime(start);
            foreach (var (offset, days) in new[] { (0, 20), (0, 1), (3, 7), (9, 3), (13, 7), (19, 1) })
            foreach (var locale in new[] { null, "en", "zh-CN" })
            foreach (var channel in new[] { null, "app", "web" })
            {
                var filter = new MetricsFilter(first.AddDays(offset), first.AddDays(offset + days - 1), locale, channel);
                Assert.Equal(await OverviewFigures.UserRowsReuseAsync(read, filter, Ct), await OverviewFigures.ReuseCountsAsync(read, filter, Ct));
            }
            Assert.True(await read.MetricReuseCounts.AnyAsync(Ct) || !await read.MetricUserDays.AnyAsync(Ct));
        }, iter: 10, threads: 1);
    }

    [Fact]
    public async Task Build_AfterTheMigrationThatAddsTheCounts_CountsThemFromTheStoredRowsWithoutAFullRebuild()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var clock = new ManualClock();
        var start = clock.GetUtcNow().UtcDateTime.Date.AddDays(-5);
        await using (var db = workspace.NewContext())
        {
            db.Conversations.AddRange(Enumerable.Range(0, 12).Select(i => new Conversation
            {
                UserRef = "u" + (i % 4), StartedAt = start.AddHours(9 * i), EndedAt = start.AddHours(9 * i).AddMinutes(5),
                Locale = i % 3 == 0 ? "zh-CN" : "en", Channel = i % 2 == 0 ? "app" : "web", Outcome = ConversationOutcome.Resolved,
            }));
            await db.SaveChangesAsync(Ct);
        }
        await using var services = MetricsHost.Build(workspace.DataDir, clock);
        await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        // As a workspace built before the counts existed: none stored, and a watermark without a gap limit.
        await services.RunOnAKeptWorkspaceAsync(workspace, clock, db => db.MetricReuseCounts, "ReuseGapDays");
        await using var read = workspace.NewContext();
        Assert.True(await read.MetricReuseCounts.AnyAsync(Ct));
    }

    private static readonly string[] IntentKeys = ["refund", "login"];

    // As above with one of two intents (or none), written by one of five runs.
    private static readonly Gen<GeneratedConversation> WithIntent = ReuseTraffic.Conversation(users: 6, slots: 20 * 24, intents: 2, runs: 5);

    [Fact]
    public async Task Rollups_AfterRandomIncrementalRuns_WithChangedIntentsAndRunsWithoutTraffic_EqualFullRecomputation()
    {
        // Per run: hours the clock moves on (0: a run right after the last one), and conversations whose intent changes (by index).
        var runs = Gen.Select(Gen.Int[0, 60], Gen.Int[0, 40].Array[0, 3], (hours, changes) => (Hours: hours, Changes: changes)).Array[5];
        await Gen.Select(WithIntent.Array[1, 40], Gen.Int[1, 5], runs).SampleAsync(async (raw, window, steps) =>
        {
            await using var workspace = await TempWorkspace.CreateAsync();
            var clock = new ManualClock();
            var start = clock.GetUtcNow().UtcDateTime.Date.AddDays(-14);
            int?[] intents;
            await using (var db = workspace.NewContext())
            {
                var domain = new IntentDomain { Key = "d", Names = new() { ["en"] = "D" } };
                db.Domains.Add(domain);
                await db.SaveChangesAsync(Ct);
                var two = IntentKeys.Select(k => new Intent { DomainId = domain.Id, Key = k, Names = new() { ["en"] = k } }).ToList();
                db.Intents.AddRange(two);
                await db.SaveChangesAsync(Ct);
                intents = [null, .. two.Select(i => (int?)i.Id)];
            }
            await using var services = MetricsHost.Build(workspace.DataDir, clock, o => o.ReuseWindowDays = window);
            await services.RunAndCompareAsync(clock, steps.Length, write: async run =>
            {
                await using var db = workspace.NewContext();
                db.Conversations.AddRange(raw.Where(r => r.Run == run).Select(r => r.ToEntity(start, Hour, intents)));
                await db.SaveChangesAsync(Ct);
                // A conversation re-classified and ended again now, as an agent or a late bot turn would.
                var stored = await db.Conversations.OrderBy(c => c.Id).ToListAsync(Ct);
                foreach (var index in steps[run].Changes.Where(_ => stored.Count > 0).Select(c => c % stored.Count))
                {
                    stored[index].IntentId = stored[index].IntentId is null ? intents[1 + index % 2] : null;
                    stored[index].EndedAt = clock.GetUtcNow().UtcDateTime;
                }
                await db.SaveChangesAsync(Ct);
            }, advance: run => TimeSpan.FromHours(steps[run].Hours));
        }, iter: 12, threads: 1);
    }

    [Fact]
    public async Task Build_WithoutNewTraffic_LeavesTheUserRowsAlone_AndReplacesOnlyTheChangedUsersRows()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var clock = new ManualClock();
        var now = clock.GetUtcNow().UtcDateTime;
        Conversation Visit(string user, double hoursAgo) => new()
        {
            UserRef = user, StartedAt = now.AddHours(-hoursAgo), EndedAt = now.AddHours(-hoursAgo).AddMinutes(5), Locale = "en", Channel = "app",
            Outcome = ConversationOutcome.Resolved,
        };
        await using (var db = workspace.NewContext())
        {
            db.Conversations.AddRange(Visit("a", 30), Visit("a", 3), Visit("b", 20), Visit("b", 2), Visit("c", 50));
            await db.SaveChangesAsync(Ct);
        }
        await using var services = MetricsHost.Build(workspace.DataDir, clock);
        await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        var first = await RowIdsAsync(workspace);

        clock.Advance(TimeSpan.FromMinutes(30));
        await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        Assert.Equal(first, await RowIdsAsync(workspace));

        await using (var db = workspace.NewContext())
        {
            db.Conversations.Add(Visit("b", 0.1));
            await db.SaveChangesAsync(Ct);
        }
        clock.Advance(TimeSpan.FromMinutes(30));
        await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        var second = await RowIdsAsync(workspace);
        Assert.Equal(first.Where(r => r.User != "b"), second.Where(r => r.User != "b"));
        Assert.NotEqual(first.Where(r => r.User == "b"), second.Where(r => r.User == "b"));
        await services.AssertEqualsFullRecomputationAsync();
    }

    private static async Task<List<(string User, long Id)>> RowIdsAsync(TempWorkspace workspace)
    {
        await using var db = workspace.NewContext();
        return (await db.MetricUserDays.OrderBy(r => r.Id).Select(r => new { r.UserRef, r.Id }).ToListAsync(Ct)).Select(r => (r.UserRef, r.Id)).ToList();
    }
}
