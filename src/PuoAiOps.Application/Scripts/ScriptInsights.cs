using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Scripts;

public sealed record CoverageGap(int IntentId, string IntentKey, string Locale, int Questions, bool HasDraft);

/// <summary>Active intents × locales with an approved, effective script (any channel), and the gaps, worst (most asked) first.</summary>
public sealed record CoverageReport(int Covered, int Total, IReadOnlyList<CoverageGap> Gaps)
{
    public double Rate => Total == 0 ? 1 : (double)Covered / Total;
}

/// <summary>A served script resting on an SOP document that changed after the script was approved.</summary>
public sealed record StaleScript(long ScriptId, long VersionId, string IntentKey, string Locale, string Channel, string SopLink, DateTime ApprovedAt, DateTime SopUpdatedAt);

/// <summary>How one version did with real traffic (playground and test conversations excluded).</summary>
public sealed record VersionPerformance(
    long VersionId, int Number, ScriptVersionStatus Status, int Served, int Conversations, int Helpful, int NotHelpful,
    int Resolved, int EscalatedAfter)
{
    public double? ResolutionRate => Conversations == 0 ? null : (double)Resolved / Conversations;
    public double? HelpfulRate => Helpful + NotHelpful == 0 ? null : (double)Helpful / (Helpful + NotHelpful);
}

/// <summary>Coverage, freshness, per-version performance and near-duplicates: the numbers curators steer by.</summary>
public sealed class ScriptInsights(PuoDbContext db, ScriptLibrary library)
{
    public async Task<CoverageReport> CoverageAsync(CancellationToken ct = default)
    {
        var intents = await db.Intents.AsNoTracking().Where(i => i.Status == IntentStatus.Active).Select(i => new { i.Id, i.Key }).ToListAsync(ct);
        var served = (await library.ServedAsync(ct: ct)).Select(s => (s.IntentKey, s.Locale)).ToHashSet();
        var drafts = (await db.Scripts.AsNoTracking().Select(s => new { s.IntentId, s.Locale }).ToListAsync(ct)).Select(s => (s.IntentId, s.Locale)).ToHashSet();
        var volume = (await db.Questions.AsNoTracking()
                .Where(q => (q.FinalIntentId ?? q.PredictedIntentId) != null)
                .GroupBy(q => new { Intent = q.FinalIntentId ?? q.PredictedIntentId, q.Locale })
                .Select(g => new { g.Key.Intent, g.Key.Locale, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => (x.Intent!.Value, x.Locale ?? ""), x => x.Count);

        var gaps = new List<CoverageGap>();
        var total = 0;
        foreach (var intent in intents)
            foreach (var locale in ScriptLocales.All)
            {
                total++;
                if (served.Contains((intent.Key, locale))) continue;
                gaps.Add(new CoverageGap(intent.Id, intent.Key, locale, volume.GetValueOrDefault((intent.Id, locale)), drafts.Contains((intent.Id, locale))));
            }
        return new CoverageReport(total - gaps.Count, total,
            gaps.OrderByDescending(g => g.Questions).ThenBy(g => g.IntentKey, StringComparer.Ordinal).ThenBy(g => g.Locale, StringComparer.Ordinal).ToList());
    }

    /// <summary>Served versions whose linked SOP document (same locale, by slug) was updated after approval.</summary>
    public async Task<IReadOnlyList<StaleScript>> StaleAsync(CancellationToken ct = default)
    {
        var served = await library.ServedAsync(ct: ct);
        var servedIds = served.Select(s => s.VersionId).ToList();
        var links = await db.ScriptVersions.AsNoTracking().Where(v => servedIds.Contains(v.Id))
            .Select(v => new { v.Id, v.SopLinks }).ToDictionaryAsync(v => v.Id, v => v.SopLinks, ct);
        var documents = (await db.Documents.AsNoTracking().Select(d => new { d.Slug, d.Locale, d.UpdatedAt }).ToListAsync(ct))
            .ToDictionary(d => (d.Slug, d.Locale), d => d.UpdatedAt);
        var stale = new List<StaleScript>();
        foreach (var s in served)
            foreach (var link in links.GetValueOrDefault(s.VersionId, []))
            {
                var slug = link.Split('#', 2)[0];
                if (documents.TryGetValue((slug, s.Locale), out var updated) && updated > s.ApprovedAt)
                    stale.Add(new StaleScript(s.ScriptId, s.VersionId, s.IntentKey, s.Locale, s.Channel, link, s.ApprovedAt, updated));
            }
        return stale.OrderByDescending(x => x.SopUpdatedAt - x.ApprovedAt).ToList();
    }

    /// <summary>
    /// Per version of one script: bot turns that sent it, the conversations they were in, feedback on
    /// those turns, conversations resolved, and escalations opened after the script was sent.
    /// </summary>
    public async Task<IReadOnlyList<VersionPerformance>> PerformanceAsync(long scriptId, CancellationToken ct = default)
    {
        var versions = await db.ScriptVersions.AsNoTracking().Where(v => v.ScriptId == scriptId).OrderBy(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.Status }).ToListAsync(ct);
        var ids = versions.Select(v => v.Id).ToList();
        var turns = await (from t in db.Turns.AsNoTracking()
                           join c in db.Conversations.AsNoTracking() on t.ConversationId equals c.Id
                           where t.ScriptVersionId != null && ids.Contains(t.ScriptVersionId.Value) && !c.IsTest
                           select new { t.Id, Version = t.ScriptVersionId!.Value, t.ConversationId, t.CreatedAt, c.Outcome }).ToListAsync(ct);
        var turnIds = turns.Select(t => t.Id).ToList();
        var conversationIds = turns.Select(t => t.ConversationId).Distinct().ToList();
        var feedback = new List<(long TurnId, FeedbackKind Kind)>();
        var escalations = new List<(long ConversationId, DateTime At)>();
        foreach (var chunk in turnIds.Chunk(1000))
            feedback.AddRange((await db.Feedback.AsNoTracking().Where(f => f.TurnId != null && chunk.Contains(f.TurnId.Value))
                .Select(f => new { f.TurnId, f.Kind }).ToListAsync(ct)).Select(f => (f.TurnId!.Value, f.Kind)));
        foreach (var chunk in conversationIds.Chunk(1000))
            escalations.AddRange((await db.Escalations.AsNoTracking().Where(e => chunk.Contains(e.ConversationId))
                .Select(e => new { e.ConversationId, e.CreatedAt }).ToListAsync(ct)).Select(e => (e.ConversationId, e.CreatedAt)));
        var feedbackByTurn = feedback.ToLookup(f => f.TurnId, f => f.Kind);
        var escalationsByConversation = escalations.ToLookup(e => e.ConversationId, e => e.At);

        return versions.Select(v =>
        {
            var sent = turns.Where(t => t.Version == v.Id).ToList();
            var conversations = sent.GroupBy(t => t.ConversationId).Select(g => (Id: g.Key, First: g.Min(t => t.CreatedAt), g.First().Outcome)).ToList();
            var kinds = sent.SelectMany(t => feedbackByTurn[t.Id]).ToList();
            return new VersionPerformance(v.Id, v.Number, v.Status, sent.Count, conversations.Count,
                kinds.Count(k => k is FeedbackKind.ThumbsUp or FeedbackKind.Solved),
                kinds.Count(k => k is FeedbackKind.ThumbsDown or FeedbackKind.NotSolved),
                conversations.Count(c => c.Outcome == ConversationOutcome.Resolved),
                conversations.Count(c => escalationsByConversation[c.Id].Any(at => at >= c.First)));
        }).ToList();
    }

    /// <summary>Scripts whose current text (served, else newest) nearly repeats another's, with a merge suggestion.</summary>
    public async Task<IReadOnlyList<NearDuplicate>> NearDuplicatesAsync(double threshold = NearDuplicateFinder.DefaultThreshold, CancellationToken ct = default)
    {
        var scripts = await db.Scripts.AsNoTracking().Include(s => s.Intent).ToListAsync(ct);
        var latest = await library.LatestVersionsAsync(scripts.Select(s => s.Id).ToList(), ct);
        var served = (await library.ServedAsync(ct: ct)).ToDictionary(s => s.ScriptId);
        var counts = await db.Turns.AsNoTracking().Where(t => t.ScriptVersionId != null).GroupBy(t => t.ScriptVersionId)
            .Select(g => new { Version = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(x => x.Version, x => x.Count, ct);
        var texts = scripts.Where(s => served.ContainsKey(s.Id) || (latest.TryGetValue(s.Id, out var v) && v.Status != ScriptVersionStatus.Retired))
            .Select(s =>
            {
                var isServed = served.TryGetValue(s.Id, out var sv);
                var body = isServed ? sv!.Body : latest[s.Id].Body;
                var versionId = isServed ? sv!.VersionId : latest[s.Id].Id;
                return new ScriptText(s.Id, s.Intent?.Key ?? "", s.Locale, s.Channel, body, isServed, counts.GetValueOrDefault(versionId));
            }).ToList();
        return NearDuplicateFinder.Find(texts, threshold);
    }
}
