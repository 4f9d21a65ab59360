using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Classifier;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>
/// The dashboard overview reads the per-intent day rows instead of the cube: its figures (counts per day,
/// per intent with latency, both periods' latency) must equal the ones added up from the cube rows for any
/// period, locale, channel and domain filter, after full and incremental rollup runs alike.
/// </summary>
public sealed class IntentDaysPropertyTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    /// <summary>One generated conversation; channel 3 is the playground, intent 0 none, feedback 0 none, 1 solved, 2 thumbs down.</summary>
    private sealed record Visit(int User, int Hour, int Locale, int Channel, int Intent, int Outcome, int Source, int[] Latencies, int Feedback, int Run);

    // hour over 20 days; bot latencies up to 30 s; which of three runs writes it
    private static readonly Gen<Visit> Visits =
        Gen.Select(Gen.Select(Gen.Int[0, 6], Gen.Int[0, 20 * 24 - 1], Gen.Int[0, 1], Gen.Int[0, 3], Gen.Int[0, 3]),
                Gen.Select(Gen.Int[0, 3], Gen.Int[1, 4], Gen.Int[0, 30_000].Array[0, 3], Gen.Int[0, 2], Gen.Int[0, 2]))
            .Select((a, b) => new Visit(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, b.Item1, b.Item2, b.Item3, b.Item4, b.Item5));

    // day offset of the period's end, its length, locale (0 all), channel (0 all), domain (0 all)
    private static readonly Gen<(int End, int Days, int Locale, int Channel, int Domain)> Filter =
        Gen.Select(Gen.Int[0, 21], Gen.Int[1, 14], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 2]);

    [Fact]
    public async Task OverviewFigures_FromIntentDays_EqualTheFiguresAddedUpFromTheCube()
    {
        await Gen.Select(Visits.Array[1, 40], Filter.Array[6]).SampleAsync(async (visits, filters) =>
        {
            await using var workspace = await TempWorkspace.CreateAsync();
            var clock = new ManualClock();
            var start = clock.GetUtcNow().UtcDateTime.Date.AddDays(-18);
            var (domains, intents) = await TaxonomyAsync(workspace);
            await using var services = MetricsHost.Build(workspace.DataDir, clock);
            var today = DateOnly.FromDateTime(start);
            await services.RunAndCompareAsync(clock, runs: 3, write: async run =>
            {
                await using var db = workspace.NewContext();
                var written = visits.Where(v => v.Run == run).Select(v => (Visit: v, Row: Conversation(v, start, intents))).ToList();
                db.Conversations.AddRange(written.Select(w => w.Row));
                await db.SaveChangesAsync(Ct);
                foreach (var (visit, row) in written.Where(w => w.Visit.Feedback != 0))
                    db.Feedback.Add(new Feedback
                    {
                        ConversationId = row.Id, Kind = visit.Feedback == 1 ? FeedbackKind.Solved : FeedbackKind.ThumbsDown, CreatedAt = row.StartedAt.AddMinutes(2),
                    });
                // Feedback on every stored conversation, later runs' included: the incremental update must carry it over.
                foreach (var c in await db.Conversations.Where(c => c.Id % 3 == run).ToListAsync(Ct))
                    db.Feedback.Add(new Feedback { ConversationId = c.Id, Kind = FeedbackKind.ThumbsUp, CreatedAt = c.StartedAt.AddMinutes(3) });
                await db.SaveChangesAsync(Ct);
            }, advance: _ => TimeSpan.FromDays(1), compare: async _ =>
            {
                foreach (var (end, days, locale, channel, domain) in filters)
                {
                    var filter = new MetricsFilter(today.AddDays(end - days + 1), today.AddDays(end), locale switch { 1 => "en", 2 => "zh-CN", _ => null },
                        channel switch { 1 => "app", 2 => "web", _ => null }, domain == 0 ? null : domains[domain - 1]);
                    var first = Min(filter.To.AddDays(-Math.Max(MetricsQueryService.TrendDays, filter.Days) + 1), filter.Previous.From);
                    var fromIntentDays = await OverviewFigures.LoadAsync(services.GetRequiredService<IServiceScopeFactory>(), filter, first, NullLogger.Instance, Ct);
                    await using var db = workspace.NewContext();
                    Assert.Equal(Describe(await FromCubeAsync(db, filter, first)), Describe(fromIntentDays));
                }
            });
        }, iter: 10, threads: 1);
    }

    [Fact]
    public async Task Build_AfterTheMigrationThatAddsTheIntentDays_FillsThemFromTheStoredCubeWithoutAFullRebuild()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var clock = new ManualClock();
        var start = clock.GetUtcNow().UtcDateTime.Date.AddDays(-5);
        var (_, intents) = await TaxonomyAsync(workspace);
        await using (var db = workspace.NewContext())
        {
            db.Conversations.AddRange(Enumerable.Range(0, 12).Select(i => Conversation(
                new Visit(i % 4, 9 * i, i % 3 == 0 ? 1 : 0, i % 2, i % 4, i % 4, 1 + i % 4, [100 * i, 40], 0, 0), start, intents)));
            await db.SaveChangesAsync(Ct);
        }
        await using var services = MetricsHost.Build(workspace.DataDir, clock);
        await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        // As a workspace built before the table existed: no rows, and a watermark without its version.
        await services.RunOnAKeptWorkspaceAsync(workspace, clock, db => db.MetricIntentDays, "IntentDaysVersion");
        await using var read = workspace.NewContext();
        // Every day of the cube, not only the two the incremental run recomputed.
        Assert.Equal(await read.MetricRollups.Select(r => r.Day).Distinct().CountAsync(Ct), await read.MetricIntentDays.Select(r => r.Day).Distinct().CountAsync(Ct));
    }

    [Fact]
    public async Task Check_ReportsAnIntentDayRowThatDiffersFromTheCube()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var clock = new ManualClock();
        var (_, intents) = await TaxonomyAsync(workspace);
        await using (var db = workspace.NewContext())
        {
            db.Conversations.Add(Conversation(new Visit(1, 0, 0, 0, 1, 1, 1, [250], 1, 0), clock.GetUtcNow().UtcDateTime.Date.AddDays(-2), intents));
            await db.SaveChangesAsync(Ct);
        }
        await using var services = MetricsHost.Build(workspace.DataDir, clock);
        await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        await using (var db = workspace.NewContext())
            await db.MetricIntentDays.Where(r => r.Locale == null && r.Channel == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.Counts.Confirmed, r => r.Counts.Confirmed + 1), Ct);

        var check = await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().CheckAsync(Ct));

        Assert.False(check.Equal);
        Assert.Contains(check.Differences, d => d.StartsWith("stored but not recomputed: intent-day ", StringComparison.Ordinal) && d.Contains("(all)|(all)", StringComparison.Ordinal));
    }

    /// <summary>The figures as the overview added them up from the cube before the per-intent day rows existed.</summary>
    private static async Task<OverviewFigures> FromCubeAsync(PuoDbContext db, MetricsFilter filter, DateOnly first)
    {
        var rows = await new RollupReader(db).RowsAsync(filter, first, filter.To, Ct);
        var period = rows.Where(r => r.Day >= filter.From && r.Day <= filter.To).ToList();
        var before = rows.Where(r => r.Day >= filter.Previous.From && r.Day <= filter.Previous.To);
        return new OverviewFigures(
            rows.GroupBy(r => r.Day).ToDictionary(g => g.Key, g => RollupReader.Sum(g, withLatency: false)),
            period.GroupBy(r => r.IntentId).OrderBy(g => g.Key ?? int.MinValue).Select(g => (g.Key, RollupReader.Sum(g, withLatency: true))).ToList(),
            RollupReader.Sum(period, withLatency: true).Latency, RollupReader.Sum(before, withLatency: true).Latency, (0, 0), (0, 0));
    }

    private static string Describe(OverviewFigures f) => string.Join("\n",
        f.ByDay.OrderBy(d => d.Key).Select(d => $"{d.Key:yyyy-MM-dd}: {Counts(d.Value)}")
            .Concat(f.ByIntent.Select(i => $"intent {i.IntentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: {Counts(i.Counts)}"))
            .Append("latency " + f.Latency.Serialize())
            .Append("latency before " + f.LatencyBefore.Serialize()));

    private static string Counts(IndicatorCounts c) => $"{c.Describe()}|{c.Latency.Serialize()}";

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static readonly string[] DomainKeys = ["account", "billing"];

    /// <summary>Two domains: the first with two intents, the second with one.</summary>
    private static async Task<(int[] Domains, int[] Intents)> TaxonomyAsync(TempWorkspace workspace)
    {
        await using var db = workspace.NewContext();
        var domains = DomainKeys.Select(k => new IntentDomain { Key = k, Names = new() { ["en"] = k } }).ToList();
        db.Domains.AddRange(domains);
        await db.SaveChangesAsync(Ct);
        var intents = new[] { ("login", 0), ("password", 0), ("refund", 1) }
            .Select(i => new Intent { DomainId = domains[i.Item2].Id, Key = i.Item1, Names = new() { ["en"] = i.Item1 } }).ToList();
        db.Intents.AddRange(intents);
        await db.SaveChangesAsync(Ct);
        return (domains.Select(d => d.Id).ToArray(), intents.Select(i => i.Id).ToArray());
    }

    private static Conversation Conversation(Visit v, DateTime start, int[] intents)
    {
        var at = start.AddHours(v.Hour);
        var outcome = (ConversationOutcome)v.Outcome;
        var conversation = new Conversation
        {
            UserRef = "u" + v.User, StartedAt = at, EndedAt = outcome == ConversationOutcome.Open ? null : at.AddMinutes(5),
            IntentId = v.Intent == 0 ? null : intents[v.Intent - 1], Locale = v.Locale == 0 ? "en" : "zh-CN",
            Channel = v.Channel switch { 0 or 1 => "app", 2 => "web", _ => "playground" }, Outcome = outcome,
            Resolution = v.Feedback == 1 ? ResolutionTier.Confirmed : ResolutionTier.None,
        };
        conversation.Turns.Add(new Turn { Ordinal = 0, Role = TurnRole.User, Text = "q", CreatedAt = at });
        for (var i = 0; i < v.Latencies.Length; i++)
            conversation.Turns.Add(new Turn
            {
                Ordinal = i + 1, Role = TurnRole.Bot, Text = "a", CreatedAt = at.AddSeconds(i + 1), Source = (AnswerSource)v.Source, LatencyMs = v.Latencies[i],
            });
        return conversation;
    }
}
