using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Core.Tests.Metrics;

/// <summary>Hand-built conversations for the calculator cases.</summary>
internal static class Facts
{
    public static readonly DateTime Day = new(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc);

    public static ConversationFacts Conversation(long id, string user = "u1", DateTime? at = null, int? intent = 7,
        ConversationEnd end = ConversationEnd.Resolved, bool escalationCase = false, bool test = false, string channel = "app",
        double? confidence = 0.9, string? source = "Script", HumanVerdict? grade = null, int[]? latencies = null,
        params FeedbackSignal[] feedback) =>
        new(id, user, at ?? Day.AddHours(10), intent, confidence, end, escalationCase, test, channel, feedback, source,
            latencies ?? [300], grade);

    public static FeedbackSignal Signal(FeedbackSignalKind kind, int? rating = null, int minute = 1) => new(kind, rating, Day.AddHours(10).AddMinutes(minute));
}
