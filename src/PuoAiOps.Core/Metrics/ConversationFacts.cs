namespace PuoAiOps.Core.Metrics;

/// <summary>How a conversation ended, as the bot recorded it. Open means it is still going on.</summary>
public enum ConversationEnd { Open, Resolved, Escalated, Abandoned }

public enum FeedbackSignalKind { ThumbsUp, ThumbsDown, Solved, NotSolved, Rating }

public enum HumanVerdict { Correct, Partial, Incorrect }

/// <summary>One piece of user feedback on a conversation.</summary>
public readonly record struct FeedbackSignal(FeedbackSignalKind Kind, int? Rating, DateTime At);

/// <summary>
/// Everything the indicators need to know about one conversation, as plain values (the calculators
/// never see a database). <see cref="FirstAnswerSource"/> is the source of the first bot answer
/// ("Script", "Sop", "Llm", "Fallback", "Handoff"), null when the bot never answered.
/// </summary>
public sealed record ConversationFacts(
    long Id,
    string UserRef,
    DateTime StartedAtUtc,
    int? IntentId,
    double? IntentConfidence,
    ConversationEnd End,
    bool HasEscalation,
    bool IsTest,
    string Channel,
    IReadOnlyList<FeedbackSignal> Feedback,
    string? FirstAnswerSource,
    IReadOnlyList<int> BotLatenciesMs,
    HumanVerdict? FirstHumanVerdict,
    bool ConfirmedByBot = false)
{
    public const string PlaygroundChannel = "playground";
    public const string FallbackSource = "Fallback";

    /// <summary>Test and playground traffic never counts, in any indicator.</summary>
    public bool IsExcluded => IsTest || string.Equals(Channel, PlaygroundChannel, StringComparison.OrdinalIgnoreCase);
}
