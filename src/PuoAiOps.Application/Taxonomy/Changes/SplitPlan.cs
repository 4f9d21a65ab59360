using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Taxonomy;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>
/// Where every reference to a split intent goes. Questions (and through them labels, adjudications,
/// gold items, final labels and predictions) follow the explicit mapping, then keyword rules on the
/// question text, then the default. A conversation follows the keyword rules over its user turns'
/// text, else the default; a user turn follows the rules on its own text, else its conversation;
/// bot and agent turns follow their conversation, so one exchange never ends up in two intents.
/// Built the same way for the preview and inside the approval transaction.
/// </summary>
internal sealed class SplitPlan
{
    public Dictionary<long, SplitRoute> Questions { get; } = [];
    public Dictionary<long, string> Conversations { get; } = [];
    public Dictionary<long, string> Turns { get; } = [];
    /// <summary>One entry per referencing row, by question, so per-target counts need no second query.</summary>
    public List<long> LabelQuestions { get; } = [];
    public List<long> AdjudicationQuestions { get; } = [];
    public List<long> GoldQuestions { get; } = [];
    public List<long> FinalQuestions { get; } = [];
    public List<long> PredictionQuestions { get; } = [];
    public Dictionary<long, string> QuestionTexts { get; } = [];

    public static async Task<SplitPlan> BuildAsync(PuoDbContext db, SplitIntentPayload payload, CancellationToken ct)
    {
        var source = (int?)payload.SourceId;
        var router = new SplitRouter(payload.QuestionTargets, payload.KeywordRules, payload.DefaultTarget);
        var plan = new SplitPlan();

        plan.LabelQuestions.AddRange(await db.Labels.Where(l => l.IntentId == source).Select(l => l.QuestionId).ToListAsync(ct));
        plan.AdjudicationQuestions.AddRange(await (from a in db.Adjudications
                                                   join i in db.Items on a.ItemId equals i.Id
                                                   where a.IntentId == source
                                                   select i.QuestionId).ToListAsync(ct));
        plan.GoldQuestions.AddRange(await db.Items.Where(i => i.GoldIntentId == source).Select(i => i.QuestionId).ToListAsync(ct));
        plan.FinalQuestions.AddRange(await db.Questions.Where(q => q.FinalIntentId == source).Select(q => q.Id).ToListAsync(ct));
        plan.PredictionQuestions.AddRange(await db.Questions.Where(q => q.PredictedIntentId == source).Select(q => q.Id).ToListAsync(ct));

        var questionIds = plan.LabelQuestions.Concat(plan.AdjudicationQuestions).Concat(plan.GoldQuestions)
            .Concat(plan.FinalQuestions).Concat(plan.PredictionQuestions).Distinct().ToList();
        foreach (var chunk in questionIds.Chunk(500))
            foreach (var q in await db.Questions.Where(q => chunk.Contains(q.Id)).Select(q => new { q.Id, q.Text }).ToListAsync(ct))
                plan.QuestionTexts[q.Id] = q.Text;
        foreach (var id in questionIds)
            plan.Questions[id] = router.RouteQuestion(id, plan.QuestionTexts.GetValueOrDefault(id));

        await PlanConversationsAsync(db, source, router, payload.DefaultTarget, plan, ct);
        return plan;
    }

    private static async Task PlanConversationsAsync(PuoDbContext db, int? source, SplitRouter router, string defaultTarget,
        SplitPlan plan, CancellationToken ct)
    {
        var turns = await db.Turns.Where(t => t.IntentId == source)
            .Select(t => new { t.Id, t.ConversationId, t.Role, t.Text }).ToListAsync(ct);
        var conversationIds = await db.Conversations.Where(c => c.IntentId == source).Select(c => c.Id).ToListAsync(ct);
        var involved = conversationIds.Concat(turns.Select(t => t.ConversationId)).Distinct().ToList();

        var userText = new Dictionary<long, List<string>>();
        foreach (var chunk in involved.Chunk(500))
            foreach (var t in await db.Turns.Where(t => chunk.Contains(t.ConversationId) && t.Role == TurnRole.User)
                         .OrderBy(t => t.ConversationId).ThenBy(t => t.Ordinal).Select(t => new { t.ConversationId, t.Text }).ToListAsync(ct))
            {
                if (!userText.TryGetValue(t.ConversationId, out var list)) userText[t.ConversationId] = list = [];
                list.Add(t.Text);
            }

        var byConversation = involved.ToDictionary(id => id,
            id => router.MatchKeywords(string.Join("\n", userText.GetValueOrDefault(id) ?? [])) ?? defaultTarget);
        foreach (var id in conversationIds) plan.Conversations[id] = byConversation[id];
        foreach (var t in turns)
            plan.Turns[t.Id] = (t.Role == TurnRole.User ? router.MatchKeywords(t.Text) : null) ?? byConversation[t.ConversationId];
    }

    /// <summary>How many references each new intent receives.</summary>
    public Dictionary<string, ReferenceCounts> CountsByTarget()
    {
        var result = new Dictionary<string, ReferenceCounts>(StringComparer.Ordinal);
        void Add(string target, ReferenceCounts c) => result[target] = result.GetValueOrDefault(target, ReferenceCounts.None) + c;
        foreach (var q in LabelQuestions) Add(Questions[q].Target, new(Labels: 1));
        foreach (var q in AdjudicationQuestions) Add(Questions[q].Target, new(Adjudications: 1));
        foreach (var q in GoldQuestions) Add(Questions[q].Target, new(GoldItems: 1));
        foreach (var q in FinalQuestions) Add(Questions[q].Target, new(FinalLabels: 1));
        foreach (var q in PredictionQuestions) Add(Questions[q].Target, new(Predictions: 1));
        foreach (var target in Conversations.Values) Add(target, new(Conversations: 1));
        foreach (var target in Turns.Values) Add(target, new(Turns: 1));
        return result;
    }
}
