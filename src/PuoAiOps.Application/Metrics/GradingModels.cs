using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Metrics;

public sealed record GradingSampleResult(string Period, int Answers, int Strata, int GradedTwice, bool AlreadyDrawn);

/// <summary>One answer to grade: the user's question and the bot's answer (both redacted), with what the bot knew.</summary>
public sealed record GradingItem(long AssignmentId, string Period, int Slot, long ConversationId, long TurnId, string Stratum,
    string Question, string Answer, string? IntentKey, string Source, PreGrade? Suggestion);

/// <summary>A suggested grade from an automatic judge, shown to the reviewer, never counted as a human grade.</summary>
public sealed record PreGrade(GradeVerdict Verdict, IReadOnlyList<string> Reasons, string? Rationale);

public sealed record GradingProgress(string Period, int Sampled, int Graded, int SecondSlots, int SecondGraded, double? Kappa, double ObservedAgreement, int Pairs);

/// <summary>
/// The seam for the LLM judge (it arrives with the bot): it may pre-grade an item before a reviewer
/// sees it. The default suggests nothing.
/// </summary>
public interface IAnswerPreGrader
{
    Task<PreGrade?> PreGradeAsync(GradingItem item, CancellationToken ct);
}

internal sealed class NoPreGrader : IAnswerPreGrader
{
    public Task<PreGrade?> PreGradeAsync(GradingItem item, CancellationToken ct) => Task.FromResult<PreGrade?>(null);
}
