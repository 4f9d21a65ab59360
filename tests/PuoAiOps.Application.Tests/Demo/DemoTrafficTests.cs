using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Text;

namespace PuoAiOps.Application.Tests.Demo;

[Collection(SeededDemoCollection.Name)]
public sealed partial class DemoTrafficTests(SeededDemoFixture fixture)
{
    private static DateTime Now => SeededDemoFixture.Now;

    [Fact]
    public async Task Seed_Stores3000DistinctQuestionsOverNinetyDays()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.Database.Open();
        var questions = await db.Questions.ToListAsync(ct);

        Assert.Equal(3_000, questions.Count);
        Assert.All(questions, q =>
        {
            Assert.True(q.IsDemo);
            Assert.Equal(TextNormalizer.Hash(q.Text), q.TextHash);
            Assert.InRange(q.CreatedAt, Now.AddDays(-90), Now);
            Assert.InRange(q.ImportedAt, q.CreatedAt, Now);
        });
        Assert.Equal(3_000, questions.Select(q => TextNormalizer.Normalize(q.Text)).Distinct().Count());
        Assert.Equal(["app", "email", "web"], questions.Select(q => q.Channel).Distinct().Order());
        Assert.Equal(["en", "zh-CN"], questions.Select(q => q.Locale).Distinct().Order());
        Assert.InRange(questions.Count(q => q.FinalIntentId is not null), 1_500, 2_400);
        Assert.InRange(questions.Count(q => q.FinalIntentId is null && !q.FinalOutOfScope), 500, 1_500);
        Assert.Contains(questions, q => q.FinalOutOfScope);
        Assert.Contains(questions, q => q.Text.Any(TextNormalizer.IsCjk));
        foreach (var marker in new[] { "<EMAIL>", "<PHONE>", "<CARD>", "<ID_NUMBER>", "<IP>", "<URL>" })
            Assert.Contains(questions, q => q.Text.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_StoresNoRawContactDetailsInQuestionsOrUserTurns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.Database.Open();
        var texts = await db.Questions.Select(q => q.Text)
            .Concat(db.Turns.Where(t => t.Role == TurnRole.User).Select(t => t.Text))
            .ToListAsync(ct);

        Assert.True(texts.Count > 20_000);
        Assert.DoesNotContain(texts, t => Email().IsMatch(t));
        Assert.DoesNotContain(texts, t => Phone().IsMatch(t));
        // The check above must be able to fire: it does on the kind of text the redactor replaces.
        Assert.Matches(Email(), "write to mia.chen@example.com please");
        Assert.Matches(Phone(), "call +86 138 0013 8000");
    }

    [Fact]
    public async Task Seed_Stores20000ConversationsWithOutcomesFeedbackGradesAndEscalations()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.Database.Open();
        var conversations = await db.Conversations.AsNoTracking().ToListAsync(ct);
        var live = conversations.Where(c => !c.IsTest).ToList();

        Assert.Equal(20_000, conversations.Count);
        Assert.All(conversations, c => Assert.InRange(c.StartedAt, Now.AddDays(-90), Now));
        Assert.InRange(conversations.Count(c => c.IsTest), 100, 600);
        Assert.Equal(["app", "email", "web"], live.Select(c => c.Channel).Distinct().Order());
        Assert.Equal(["en", "zh-CN"], live.Select(c => c.Locale).Distinct().Order());

        var outcomes = live.GroupBy(c => (c.Outcome, c.Resolution)).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(Share(outcomes, (ConversationOutcome.Resolved, ResolutionTier.Confirmed), live.Count), 0.1, 0.4);
        Assert.InRange(Share(outcomes, (ConversationOutcome.Resolved, ResolutionTier.Assumed), live.Count), 0.15, 0.45);
        Assert.InRange(Share(outcomes, (ConversationOutcome.Escalated, ResolutionTier.None), live.Count), 0.08, 0.3);
        Assert.InRange(Share(outcomes, (ConversationOutcome.Abandoned, ResolutionTier.None), live.Count), 0.1, 0.4);

        var escalated = live.Where(c => c.Outcome == ConversationOutcome.Escalated).Select(c => c.Id).ToHashSet();
        var escalations = await db.Escalations.ToListAsync(ct);
        Assert.Equal(escalated.Count, escalations.Count);
        Assert.All(escalations, e => Assert.Contains(e.ConversationId, escalated));
        Assert.Equal(Enum.GetValues<EscalationStatus>(), escalations.Select(e => e.Status).Distinct().Order());
        // Each case keeps its reason as a code beside the English, so the console words it in the reader's language.
        Assert.All(escalations, e =>
        {
            var reason = EscalationReasons.Read(e.ReasonCode, e.ReasonArgs);
            Assert.IsType<HandoffReason>(reason?.Code);
            Assert.Equal(e.Reason, reason!.English);
        });
        Assert.All(escalations.Where(e => e.Status == EscalationStatus.Closed), e => Assert.InRange(e.ClosedAt!.Value, e.CreatedAt, Now));
        // The queue shows every state: closed cases with an outcome, a note and who closed them; taken ones with when.
        Assert.All(escalations.Where(e => e.Status == EscalationStatus.Closed), e =>
            Assert.True(e.Outcome is not null && !string.IsNullOrEmpty(e.ResolutionNote) && e.ClosedById == e.AssigneeId && e.AssigneeId is not null, $"escalation {e.Id}"));
        Assert.Equal(Enum.GetValues<EscalationOutcome>(), escalations.Where(e => e.Outcome is not null).Select(e => e.Outcome!.Value).Distinct().Order());
        Assert.All(escalations.Where(e => e.AssigneeId is not null), e => Assert.InRange(e.AssignedAt!.Value, e.CreatedAt, e.ClosedAt ?? Now));
        Assert.All(escalations.Where(e => e.Status == EscalationStatus.Open), e => Assert.Null(e.AssigneeId));

        var feedback = await db.Feedback.ToListAsync(ct);
        Assert.Equal(Enum.GetValues<FeedbackKind>(), feedback.Select(f => f.Kind).Distinct().Order());
        Assert.All(feedback.Where(f => f.Kind == FeedbackKind.Rating), f => Assert.InRange(f.Rating!.Value, 1, 5));
        var confirmed = live.Where(c => c.Resolution == ResolutionTier.Confirmed).Select(c => c.Id).ToHashSet();
        Assert.All(confirmed, id => Assert.Contains(feedback, f => f.ConversationId == id && f.Kind == FeedbackKind.Solved));
        var assumed = live.Where(c => c.Resolution == ResolutionTier.Assumed).Select(c => c.Id).ToHashSet();
        Assert.DoesNotContain(feedback, f => assumed.Contains(f.ConversationId) && (f.Kind is FeedbackKind.ThumbsDown or FeedbackKind.NotSolved || f.Rating <= 2));

        var grades = await db.Grades.ToListAsync(ct);
        var human = grades.Where(g => g.Grader == GraderKind.Human).ToDictionary(g => g.TurnId);
        var judge = grades.Where(g => g.Grader == GraderKind.LlmJudge).ToDictionary(g => g.TurnId);
        Assert.True(human.Count >= 500 && judge.Count > human.Count, $"{human.Count} human, {judge.Count} judge grades");
        Assert.All(human.Keys, turnId => Assert.True(judge.ContainsKey(turnId)));
        var agreement = human.Values.Count(h => judge[h.TurnId].Verdict == h.Verdict) / (double)human.Count;
        Assert.InRange(agreement, 0.75, 0.95);
    }

    [Fact]
    public async Task Seed_HasTurnsLatenciesAndScriptVersionsOnBotAnswers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.Database.Open();
        var bot = await db.Turns.Where(t => t.Role == TurnRole.Bot).ToListAsync(ct);
        var versions = await db.ScriptVersions.Select(v => v.Id).ToListAsync(ct);

        Assert.InRange(await db.Turns.CountAsync(ct), 40_000, 80_000);
        Assert.All(bot, t => Assert.InRange(t.LatencyMs!.Value, 20, 20_000));
        Assert.Equal(
            [AnswerSource.Script, AnswerSource.Sop, AnswerSource.Llm, AnswerSource.Fallback, AnswerSource.Handoff],
            bot.Select(t => t.Source).Distinct().Order());
        Assert.All(bot.Where(t => t.Source == AnswerSource.Script && t.ScriptVersionId is not null), t => Assert.Contains(t.ScriptVersionId!.Value, versions));
        Assert.True(bot.Where(t => t.ScriptVersionId is not null).Select(t => t.ScriptVersionId).Distinct().Count() > 60);
        Assert.DoesNotContain(bot, t => t.Text.Contains("{{", StringComparison.Ordinal));
        Assert.True(await db.Turns.AllAsync(t => t.CreatedAt <= Now, ct));
    }

    [Fact]
    public async Task Seed_HasReturningUsersAndSameIntentRecontacts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.Database.Open();
        var byUser = (await db.Conversations.Where(c => !c.IsTest).Select(c => new { c.UserRef, c.StartedAt, c.IntentId }).ToListAsync(ct))
            .GroupBy(c => c.UserRef)
            .Select(g => g.OrderBy(c => c.StartedAt).ToList())
            .ToList();

        var recontacts = byUser.Sum(list => list.Zip(list.Skip(1)).Count(p =>
            p.First.IntentId is not null && p.First.IntentId == p.Second.IntentId && p.Second.StartedAt - p.First.StartedAt < TimeSpan.FromHours(24)));
        var returners = byUser.Count(list => list.Zip(list.Skip(1)).Any(p =>
            p.First.IntentId != p.Second.IntentId && p.Second.StartedAt - p.First.StartedAt < TimeSpan.FromDays(7)));

        Assert.InRange(byUser.Count, 5_000, 16_000);
        Assert.True(recontacts >= 400, $"{recontacts} same-intent recontacts within 24 h");
        Assert.True(returners >= 1_500, $"{returners} users returning with a new question within 7 days");
    }

    private static double Share<TKey>(Dictionary<TKey, int> counts, TKey key, int total) where TKey : notnull =>
        counts.GetValueOrDefault(key) / (double)total;

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\+?\d(?:[\s-]?\d){8,}")]
    private static partial Regex Phone();
}
