using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// Reads the conversations started in a UTC range as plain <see cref="ConversationFacts"/>: the only
/// place that maps entities to the calculators' inputs, used by the rollups, their check and drill-down.
/// Every query walks conversations by start time and joins the child rows by conversation id.
/// </summary>
internal sealed class ConversationFactsLoader(PuoDbContext db, ReportingCalendar calendar)
{
    public const string NoAnswer = "None";

    public async Task<List<LoadedConversation>> LoadAsync(DateTime from, DateTime to, CancellationToken ct)
    {
        var range = db.Conversations.AsNoTracking().Where(c => c.StartedAt >= from && c.StartedAt < to);
        var conversations = await range
            .Where(c => !c.IsTest && c.Channel != ConversationFacts.PlaygroundChannel)
            .Select(c => new { c.Id, c.UserRef, c.StartedAt, c.IntentId, c.IntentConfidence, c.Outcome, c.Resolution, c.IsTest, c.Channel, c.Locale, c.ModelVersionId })
            .ToListAsync(ct);
        if (conversations.Count == 0) return [];

        var turns = (await range.Join(db.Turns, c => c.Id, t => t.ConversationId, (c, t) => t)
                .Where(t => t.Role == TurnRole.Bot)
                .Select(t => new { t.Id, t.ConversationId, t.Ordinal, t.Source, t.ScriptVersionId, t.LatencyMs })
                .ToListAsync(ct))
            .GroupBy(t => t.ConversationId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Ordinal).ToList());
        var feedback = (await range.Join(db.Feedback, c => c.Id, f => f.ConversationId, (c, f) => f)
                .Select(f => new { f.ConversationId, f.Kind, f.Rating, f.CreatedAt }).ToListAsync(ct))
            .ToLookup(f => f.ConversationId, f => new FeedbackSignal(Enum.Parse<FeedbackSignalKind>(f.Kind.ToString()), f.Rating, f.CreatedAt));
        var escalated = (await range.Join(db.Escalations, c => c.Id, e => e.ConversationId, (c, e) => e.ConversationId).ToListAsync(ct)).ToHashSet();
        var grades = (await range.Join(db.Grades, c => c.Id, g => g.ConversationId, (c, g) => g)
                .Where(g => g.Grader == GraderKind.Human)
                .Select(g => new { g.Id, g.TurnId, g.Verdict, g.CreatedAt }).ToListAsync(ct))
            .GroupBy(g => g.TurnId).ToDictionary(g => g.Key, g => g.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).First().Verdict);

        var result = new List<LoadedConversation>(conversations.Count);
        foreach (var c in conversations)
        {
            var bot = turns.GetValueOrDefault(c.Id);
            var first = bot?[0];
            HumanVerdict? verdict = first is not null && grades.TryGetValue(first.Id, out var v) ? Enum.Parse<HumanVerdict>(v.ToString()) : null;
            var facts = new ConversationFacts(
                c.Id, c.UserRef, c.StartedAt, c.IntentId, c.IntentConfidence,
                Enum.Parse<ConversationEnd>(c.Outcome.ToString()), escalated.Contains(c.Id), c.IsTest, c.Channel,
                feedback[c.Id].ToList(), first?.Source.ToString(),
                bot?.Where(t => t.LatencyMs is not null).Select(t => t.LatencyMs!.Value).ToList() ?? [],
                verdict, ConfirmedByBot: c.Resolution == ResolutionTier.Confirmed);
            var cell = new CellKey(c.IntentId, c.Locale, c.Channel, first?.Source.ToString() ?? NoAnswer, first?.ScriptVersionId, c.ModelVersionId);
            result.Add(new LoadedConversation(facts, cell, calendar.DayOf(c.StartedAt)));
        }
        return result;
    }

    /// <summary>Included visits in [from, to): the input of the recontact and reuse windows.</summary>
    public Task<List<Visit>> VisitsAsync(DateTime from, DateTime to, CancellationToken ct) =>
        db.Conversations.AsNoTracking()
            .Where(c => c.StartedAt >= from && c.StartedAt < to && !c.IsTest && c.Channel != ConversationFacts.PlaygroundChannel)
            .Select(c => new Visit(c.Id, c.UserRef, c.StartedAt, c.IntentId))
            .ToListAsync(ct);
}
