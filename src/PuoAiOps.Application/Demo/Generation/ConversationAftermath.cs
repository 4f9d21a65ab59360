using PuoAiOps.Application.Demo.Content;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>What follows a finished conversation: the user's feedback, the hand-over case, and answer grades.</summary>
internal sealed class ConversationAftermath(WordLists words, DemoDataSet set, DemoIds ids, DemoRandom random, DateTime now)
{
    /// <summary>Adds feedback on the bot's answer; true when any of it is negative.</summary>
    public bool Feedback(Conversation conversation, Turn answer)
    {
        var negative = false;
        void Add(FeedbackKind kind, int? rating = null)
        {
            negative |= kind is FeedbackKind.ThumbsDown or FeedbackKind.NotSolved || rating <= 2;
            set.Feedback.Add(new Feedback
            {
                Id = ids.Next<Feedback>(),
                ConversationId = conversation.Id,
                TurnId = answer.Id,
                Kind = kind,
                Rating = rating,
                CreatedAt = answer.CreatedAt.AddSeconds(random.Between(8, 150)),
            });
        }

        switch (conversation.Outcome, conversation.Resolution)
        {
            case (ConversationOutcome.Resolved, ResolutionTier.Confirmed):
                Add(FeedbackKind.Solved);
                if (random.Chance(0.4)) Add(FeedbackKind.ThumbsUp);
                if (random.Chance(0.3)) Add(FeedbackKind.Rating, random.Chance(0.65) ? 5 : 4);
                break;
            case (ConversationOutcome.Resolved, _):
                // "Assumed" means no negative signal, so only neutral or positive feedback here.
                if (random.Chance(0.18)) Add(FeedbackKind.ThumbsUp);
                if (random.Chance(0.12)) Add(FeedbackKind.Rating, 3 + random.Weighted([0.2, 0.4, 0.4]));
                break;
            case (ConversationOutcome.Escalated, _):
                if (random.Chance(0.3)) Add(FeedbackKind.NotSolved);
                if (random.Chance(0.2)) Add(FeedbackKind.ThumbsDown);
                if (random.Chance(0.12)) Add(FeedbackKind.Rating, random.Chance(0.6) ? 1 : 2);
                break;
            case (ConversationOutcome.Abandoned, _):
                if (random.Chance(0.12)) Add(FeedbackKind.ThumbsDown);
                else if (random.Chance(0.09)) Add(FeedbackKind.NotSolved);
                break;
        }
        return negative;
    }

    public void Escalate(Conversation conversation, DemoIntent? truth, DemoIntent? predicted, double confidence)
    {
        if (conversation.Outcome != ConversationOutcome.Escalated) return;
        var createdAt = conversation.EndedAt!.Value;
        var age = now - createdAt;
        var status = age.TotalDays > 3 ? (random.Chance(0.97) ? EscalationStatus.Closed : EscalationStatus.Assigned)
            : age.TotalHours > 8 ? (EscalationStatus)random.Weighted([0.1, 0.3, 0.6])
            : (EscalationStatus)random.Weighted([0.6, 0.3, 0.1]);
        var closedAt = createdAt.AddHours(Math.Clamp(random.LogNormal(10, 0.8), 0.3, 70));
        var escalation = new Escalation
        {
            Id = ids.Next<Escalation>(),
            ConversationId = conversation.Id,
            Status = status,
            AssigneeId = status == EscalationStatus.Open ? null : random.Pick(DemoUsers.Agents),
            CreatedAt = createdAt,
            ClosedAt = status == EscalationStatus.Closed ? (closedAt < now ? closedAt : now.AddMinutes(-1)) : null,
        }.WithReason(CodedMessage.Of(Reason(truth ?? predicted, confidence)));
        // Taken a little after the hand-over, and always before it was closed.
        var end = escalation.ClosedAt ?? now;
        if (escalation.AssigneeId is not null) escalation.AssignedAt = createdAt.AddMinutes(Math.Clamp((end - createdAt).TotalMinutes / 2, 0, 20));
        if (status == EscalationStatus.Closed) DemoEscalationNotes.Close(escalation, conversation.Locale);
        set.Escalations.Add(escalation);
    }

    /// <summary>
    /// Human grades on a small sample of older conversations and LLM-judge grades on a larger one
    /// that includes every human-graded answer, so the two series can be compared (Cohen's kappa).
    /// </summary>
    public void Grade(Conversation conversation, Turn answer, BotAnswer bot, QuestionKind kind)
    {
        var human = conversation.StartedAt < now.AddDays(-2) && random.Chance(0.075);
        var judge = human || random.Chance(0.3);
        if (!judge) return;

        var truth = (GradeVerdict)random.Weighted(
            bot.Right && kind == QuestionKind.OutOfScope ? [0.85, 0.1, 0.05]
            : bot.Right && bot.Version?.Number > 1 ? [0.9, 0.07, 0.03]
            : bot.Right ? [0.84, 0.11, 0.05]
            : [0.04, 0.2, 0.76]);
        if (human)
        {
            var gradedAt = conversation.EndedAt!.Value.AddDays(random.Between(1, 5));
            Add(GraderKind.Human, DemoUsers.Reviewer, truth, gradedAt < now ? gradedAt : now.AddHours(-1), random.Chance(0.15));
        }
        var judged = random.Chance(0.86) ? truth : Adjacent(truth);
        Add(GraderKind.LlmJudge, null, judged, conversation.EndedAt!.Value.AddMinutes(random.Between(2, 30)), withNote: false);

        void Add(GraderKind grader, string? graderId, GradeVerdict verdict, DateTime at, bool withNote) => set.Grades.Add(new AnswerGrade
        {
            Id = ids.Next<AnswerGrade>(),
            TurnId = answer.Id,
            ConversationId = conversation.Id,
            Grader = grader,
            GraderId = graderId,
            Verdict = verdict,
            Note = withNote ? random.Pick(words.GradeNotes[verdict.ToString().ToLowerInvariant()]) : null,
            CreatedAt = at,
        });
    }

    private GradeVerdict Adjacent(GradeVerdict verdict) => verdict switch
    {
        GradeVerdict.Partial => random.Chance(0.5) ? GradeVerdict.Correct : GradeVerdict.Incorrect,
        _ => GradeVerdict.Partial,
    };

    private HandoffReason Reason(DemoIntent? intent, double confidence) => intent?.Spec.Key switch
    {
        "account_hacked" => HandoffReason.AccountSecurity,
        "payout_missing" => HandoffReason.PayoutInvestigation,
        "minor_protection" or "scam_report" or "report_streamer" or "user_harassment" => HandoffReason.SafetyReport,
        _ when confidence < ConversationSimulator.CoverageThreshold => HandoffReason.LowConfidence,
        _ when intent?.Domain.Key == "payments" && random.Chance(0.5) => HandoffReason.PaymentCheck,
        _ => random.Chance(0.6) ? HandoffReason.AgentRequested : HandoffReason.RepeatedNegativeFeedback,
    };
}
