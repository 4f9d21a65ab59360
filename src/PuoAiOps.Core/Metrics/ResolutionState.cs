namespace PuoAiOps.Core.Metrics;

/// <summary>Where a conversation lands in the resolution funnel.</summary>
public enum ResolutionState
{
    /// <summary>Still going on: left out of every finished-conversation indicator.</summary>
    Open,
    Confirmed,
    Assumed,
    /// <summary>The bot closed it, but a negative signal or a same-intent recontact says the problem remained.</summary>
    Unresolved,
    Escalated,
    Abandoned,
}

public static class ResolutionClassifier
{
    /// <summary>
    /// Escalation wins over everything: a conversation handed to a person and then solved by that
    /// person was not resolved by the bot, even when the user later says "solved".
    /// </summary>
    public static ResolutionState Classify(ConversationFacts c, FeedbackSummary feedback, bool recontacted)
    {
        if (c.HasEscalation || c.End == ConversationEnd.Escalated) return ResolutionState.Escalated;
        return c.End switch
        {
            ConversationEnd.Open => ResolutionState.Open,
            ConversationEnd.Abandoned => ResolutionState.Abandoned,
            _ when feedback.Solved || c.ConfirmedByBot => ResolutionState.Confirmed,
            _ when !feedback.Negative && !recontacted => ResolutionState.Assumed,
            _ => ResolutionState.Unresolved,
        };
    }
}
