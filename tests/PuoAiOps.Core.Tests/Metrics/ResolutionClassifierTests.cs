using PuoAiOps.Core.Metrics;
using static PuoAiOps.Core.Tests.Metrics.Facts;

namespace PuoAiOps.Core.Tests.Metrics;

public sealed class ResolutionClassifierTests
{
    private static ResolutionState Classify(ConversationFacts c, bool recontacted = false) =>
        ResolutionClassifier.Classify(c, FeedbackSummary.From(c.Feedback), recontacted);

    [Fact]
    public void Classify_NoFeedback_NoEscalation_NoRecontact_IsAssumed() =>
        Assert.Equal(ResolutionState.Assumed, Classify(Conversation(1)));

    [Fact]
    public void Classify_SolvedFeedback_IsConfirmed() =>
        Assert.Equal(ResolutionState.Confirmed, Classify(Conversation(1, feedback: Signal(FeedbackSignalKind.Solved))));

    [Fact]
    public void Classify_EscalatedThenSolvedByAPerson_IsEscalatedNotResolved()
    {
        // The agent fixed it and the user said so afterwards: the bot still did not resolve it.
        var c = Conversation(1, end: ConversationEnd.Resolved, escalationCase: true, feedback: Signal(FeedbackSignalKind.Solved, minute: 90));
        Assert.Equal(ResolutionState.Escalated, Classify(c));
    }

    [Theory]
    [InlineData(FeedbackSignalKind.ThumbsDown, null)]
    [InlineData(FeedbackSignalKind.NotSolved, null)]
    [InlineData(FeedbackSignalKind.Rating, 2)]
    public void Classify_NegativeFeedback_IsNotAssumedResolved(FeedbackSignalKind kind, int? rating) =>
        Assert.Equal(ResolutionState.Unresolved, Classify(Conversation(1, feedback: Signal(kind, rating))));

    [Fact]
    public void Classify_SameIntentRecontact_IsNotAssumedResolved() =>
        Assert.Equal(ResolutionState.Unresolved, Classify(Conversation(1), recontacted: true));

    [Fact]
    public void Classify_AbandonedWithSolvedClick_IsAbandoned() =>
        Assert.Equal(ResolutionState.Abandoned, Classify(Conversation(1, end: ConversationEnd.Abandoned, feedback: Signal(FeedbackSignalKind.Solved))));

    [Fact]
    public void Classify_StillOpen_IsLeftOut() =>
        Assert.Equal(ResolutionState.Open, Classify(Conversation(1, end: ConversationEnd.Open)));

    [Fact]
    public void FeedbackSummary_LastRatingSignalDecidesCsat()
    {
        var summary = FeedbackSummary.From([Signal(FeedbackSignalKind.ThumbsDown, minute: 1), Signal(FeedbackSignalKind.Rating, 5, minute: 9)]);
        Assert.True(summary.CsatGood);
        Assert.True(summary.Negative); // the thumbs down still happened
    }

    [Fact]
    public void FeedbackSummary_NoFeedback_HasNoCsat() => Assert.Null(FeedbackSummary.From([]).CsatGood);
}
