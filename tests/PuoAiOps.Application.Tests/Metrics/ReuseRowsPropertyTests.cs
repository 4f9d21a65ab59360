using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Classifier;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>
/// The user reuse rate the dashboards read from the per-user daily rows (kept by the rollup job, in two
/// incremental runs) must equal the definition computed from the raw visits, for generated traffic,
/// periods, windows and filters (locale, channel, domain).
/// </summary>
public sealed class ReuseRowsPropertyTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // Seven users, a half-hour slot over 16 days, one of three intents (or none), test traffic included.
    private static readonly Gen<GeneratedConversation> Conversation =
        ReuseTraffic.Conversation(users: 7, slots: 16 * 48, intents: 3, testTraffic: true);

    [Fact]
    public async Task Reuse_FromTheDailyUserRows_EqualsTheDefinitionOnTheRawVisits()
    {
        await Gen.Select(Conversation.Array[1, 70], Gen.Int[1, 7]).SampleAsync(async (raw, window) =>
        {
            await using var workspace = await TempWorkspace.CreateAsync();
            var clock = new ManualClock();
            var start = clock.GetUtcNow().UtcDateTime.Date.AddDays(-16);
            var (intents, domain) = await TaxonomyAsync(workspace);
            var conversations = raw.Select(r => r.ToEntity(start, TimeSpan.FromMinutes(30), intents)).ToList();

            await using var services = MetricsHost.Build(workspace.DataDir, clock, o => o.ReuseWindowDays = window);
            // Two runs: the second adds conversations (higher ids, earlier or later times), as the bot would.
            var half = conversations.Count / 2;
            var batches = new[] { conversations[..half], conversations[half..] };
            await services.RunAndCompareAsync(clock, batches.Length, write: async run =>
            {
                await using var db = workspace.NewContext();
                db.Conversations.AddRange(batches[run]);
                await db.SaveChangesAsync(Ct);
            }, advance: _ => TimeSpan.FromHours(1));

            var included = conversations.Where(c => !c.IsTest && c.Channel != "playground").ToList();
            var visits = included.Select(c => new Visit(c.Id, c.UserRef, c.StartedAt, c.IntentId)).ToList();
            var first = DateOnly.FromDateTime(start);
            foreach (var (offset, days) in new[] { (0, 16), (0, 1), (3, 7), (9, 3), (14, 2) })
            foreach (var filter in Filters(first.AddDays(offset), first.AddDays(offset + days - 1), domain))
            {
                var cohort = included.Where(c => (filter.Locale is null || c.Locale == filter.Locale) && (filter.Channel is null || c.Channel == filter.Channel)
                    && (filter.DomainId is null || c.IntentId == intents[1] || c.IntentId == intents[2])).Select(c => c.Id).ToHashSet();
                var from = start.AddDays(offset);
                var expected = ReuseCalculator.Compute(visits, from, from.AddDays(days), window, clock.GetUtcNow().UtcDateTime, cohort);
                var actual = await services.WithAsync(sp => sp.GetRequiredService<MetricsQueryService>().ReuseAsync(filter, Ct));
                Assert.Equal(expected, actual);
            }
        }, iter: 12, threads: 1);
    }

    private static IEnumerable<MetricsFilter> Filters(DateOnly from, DateOnly to, int domain) =>
    [
        new(from, to), new(from, to, Locale: "en"), new(from, to, Channel: "app"), new(from, to, DomainId: domain),
        new(from, to, Locale: "zh-CN", Channel: "web"),
    ];

    /// <summary>Intents by index (0 = none; 1 and 2 in the filtered domain, 3 in another) and the filtered domain's id.</summary>
    private static async Task<(int?[] Intents, int Domain)> TaxonomyAsync(TempWorkspace workspace)
    {
        await using var db = workspace.NewContext();
        var d1 = new IntentDomain { Key = "billing", Names = new() { ["en"] = "Billing" } };
        var d2 = new IntentDomain { Key = "account", Names = new() { ["en"] = "Account" } };
        db.Domains.AddRange(d1, d2);
        await db.SaveChangesAsync(Ct);
        var intents = new[] { (d1, "refund"), (d1, "invoice"), (d2, "login") }
            .Select(x => new Intent { DomainId = x.Item1.Id, Key = x.Item2, Names = new() { ["en"] = x.Item2 } }).ToList();
        db.Intents.AddRange(intents);
        await db.SaveChangesAsync(Ct);
        return ([null, intents[0].Id, intents[1].Id, intents[2].Id], d1.Id);
    }
}
