namespace PuoAiOps.Core.Retrieval;

/// <summary>Cuts text into pieces of at most <c>maxChars</c>, preferring line, then sentence, then word boundaries.</summary>
internal static class TextSplitter
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', '。', '！', '？', '；', ';'];

    public static IEnumerable<string> Split(string text, int maxChars, int overlapChars)
    {
        if (text.Length <= maxChars)
        {
            yield return text;
            yield break;
        }
        var start = 0;
        while (start < text.Length)
        {
            var remaining = text.Length - start;
            if (remaining <= maxChars)
            {
                yield return text[start..].Trim();
                yield break;
            }
            var end = Boundary(text, start, start + maxChars);
            yield return text[start..end].Trim();
            // Step back by the overlap, then forward to a word start, but always make progress.
            var next = Math.Max(start + 1, end - overlapChars);
            next = WordStart(text, next, end);
            start = next;
        }
    }

    /// <summary>The best cut in (start, limit]: the last line break, else sentence end, else space in the second half; else the limit.</summary>
    private static int Boundary(string text, int start, int limit)
    {
        var floor = start + (limit - start) / 2;
        var newline = text.LastIndexOf('\n', limit - 1, limit - floor);
        if (newline > floor) return newline + 1;
        var sentence = text.LastIndexOfAny(SentenceEnds, limit - 1, limit - floor);
        if (sentence > floor) return sentence + 1;
        var space = text.LastIndexOf(' ', limit - 1, limit - floor);
        if (space > floor) return space + 1;
        return limit;
    }

    private static int WordStart(string text, int position, int end)
    {
        if (position <= 0 || position >= end) return position;
        // CJK text has no spaces: any position is a valid start.
        var space = text.IndexOfAny([' ', '\n'], position, end - position);
        return space >= 0 && space + 1 < end ? space + 1 : position;
    }
}
