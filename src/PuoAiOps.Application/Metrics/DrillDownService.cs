using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// The conversations behind a figure: the ones on the failing side of an indicator (not resolved,
/// escalated, fell back, recontacted…), classified by the same code as the rollups.
/// </summary>
public sealed class DrillDownService(PuoDbContext db, IOptions<MetricsOptions> options)
{
    public const int MaxRows = 500;

    private readonly MetricsOptions _options = options.Value;

    public async Task<IReadOnlyList<DrillDownRow>> ConversationsAsync(MetricsFilter filter, string metricKey, DateOnly? day = null, int? intentId = null,
        int limit = 100, CancellationToken ct = default)
    {
        _ = MetricRegistry.Get(metricKey);
        limit = Math.Clamp(limit, 1, MaxRows);
        var calendar = _options.Calendar;
        var (from, to) = day is { } d ? calendar.Range(d, d) : calendar.Range(filter.From, filter.To);
        var loader = new ConversationFactsLoader(db, calendar);
        var loaded = await loader.LoadAsync(from, to, ct);
        var recontacted = RecontactFinder.Recontacted(await loader.VisitsAsync(from, to + RecontactFinder.Window, ct));
        HashSet<int>? domainIntents = filter.DomainId is { } domain
            ? (await db.Intents.Where(i => i.DomainId == domain).Select(i => i.Id).ToListAsync(ct)).ToHashSet()
            : null;

        var picked = loaded
            .Where(c => (filter.Locale is null || c.Cell.Locale == filter.Locale) && (filter.Channel is null || c.Cell.Channel == filter.Channel)
                        && (domainIntents is null || c.Facts.IntentId is { } i && domainIntents.Contains(i))
                        && (intentId is null || c.Facts.IntentId == intentId))
            .Select(c => (c, State: ResolutionClassifier.Classify(c.Facts, FeedbackSummary.From(c.Facts.Feedback), recontacted.Contains(c.Facts.Id))))
            .Where(x => Behind(metricKey, x.c.Facts, x.State, recontacted.Contains(x.c.Facts.Id)))
            .OrderByDescending(x => metricKey is MetricKeys.LatencyP50 or MetricKeys.LatencyP95 ? x.c.Facts.BotLatenciesMs.DefaultIfEmpty().Max() : 0)
            .ThenByDescending(x => x.c.Facts.StartedAtUtc)
            .Take(limit)
            .ToList();

        var ids = picked.Select(x => x.c.Facts.Id).ToList();
        var questions = (await db.Turns.AsNoTracking().Where(t => ids.Contains(t.ConversationId) && t.Role == TurnRole.User)
                .Select(t => new { t.ConversationId, t.Ordinal, t.Text }).ToListAsync(ct))
            .GroupBy(t => t.ConversationId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Ordinal).First().Text);
        var intentKeys = await db.Intents.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Key, ct);
        return picked.Select(x => new DrillDownRow(x.c.Facts.Id, x.c.Facts.StartedAtUtc,
            x.c.Facts.IntentId is { } i ? intentKeys.GetValueOrDefault(i) : null, x.c.Cell.Locale, x.c.Cell.Channel,
            x.State.ToString(), x.c.Facts.FirstAnswerSource, questions.GetValueOrDefault(x.c.Facts.Id, ""))).ToList();
    }

    /// <summary>Whether a conversation is on the side of the indicator people look into.</summary>
    private bool Behind(string key, ConversationFacts c, ResolutionState state, bool recontacted) => key switch
    {
        MetricKeys.Resolution or MetricKeys.ResolutionConfirmed => state is ResolutionState.Unresolved or ResolutionState.Escalated or ResolutionState.Abandoned,
        MetricKeys.Escalation or MetricKeys.Containment => state == ResolutionState.Escalated,
        MetricKeys.Fallback => c.FirstAnswerSource == ConversationFacts.FallbackSource,
        MetricKeys.Coverage => !(c.IntentConfidence >= _options.CoverageThreshold),
        MetricKeys.FailureRecontact => recontacted,
        MetricKeys.Accuracy => c.FirstHumanVerdict is { } v && v != HumanVerdict.Correct,
        MetricKeys.Csat => FeedbackSummary.From(c.Feedback).CsatGood == false,
        _ => true,
    };
}
