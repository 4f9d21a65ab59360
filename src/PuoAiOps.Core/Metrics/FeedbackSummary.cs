namespace PuoAiOps.Core.Metrics;

/// <summary>What a conversation's feedback says, read the same way by every indicator.</summary>
public readonly record struct FeedbackSummary(bool Solved, bool Negative, bool? CsatGood)
{
    /// <summary>
    /// Solved: the user said it solved the problem. Negative: thumbs down, "not solved" or a rating of
    /// 1–2. CSAT: the last thumbs or rating decides (people change their mind); null when there is none.
    /// </summary>
    public static FeedbackSummary From(IEnumerable<FeedbackSignal> signals)
    {
        bool solved = false, negative = false;
        bool? good = null;
        DateTime lastRatedAt = DateTime.MinValue;
        foreach (var s in signals)
        {
            switch (s.Kind)
            {
                case FeedbackSignalKind.Solved: solved = true; break;
                case FeedbackSignalKind.NotSolved: negative = true; break;
                case FeedbackSignalKind.ThumbsDown: negative = true; Rate(false, s.At); break;
                case FeedbackSignalKind.ThumbsUp: Rate(true, s.At); break;
                case FeedbackSignalKind.Rating when s.Rating is { } r:
                    if (r <= 2) negative = true;
                    Rate(r >= 4, s.At);
                    break;
            }
        }
        return new FeedbackSummary(solved, negative, good);

        void Rate(bool value, DateTime at)
        {
            if (good is not null && at < lastRatedAt) return;
            good = value;
            lastRatedAt = at;
        }
    }
}
