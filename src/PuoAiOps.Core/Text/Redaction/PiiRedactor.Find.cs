namespace PuoAiOps.Core.Text.Redaction;

public sealed partial class PiiRedactor
{
    /// <summary>
    /// Where the personal data in <paramref name="text"/> is, without replacing it (the reply-script
    /// linter points at each finding): the spans, in <paramref name="text"/>'s own positions, that
    /// <see cref="Redact"/> replaces. Like Redact it repeats its passes over the partly redacted text, so
    /// a match that only shows once a neighbour is a marker is found too, and it then covers that
    /// neighbour's span.
    /// </summary>
    public IReadOnlyList<PiiSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = MatchOnce(text); // in text's positions, sorted, not overlapping
        for (var pass = 1; found.Count > 0 && pass < MaxPasses; pass++)
        {
            var (redacted, markers) = Replace(text, found);
            var more = MatchOnce(redacted);
            if (more.Count == 0) break;
            found = Merge(found, more.Select(m => ToOriginal(m, markers)).ToList());
        }
        return found.Select(m => new PiiSpan(m.Start, m.Length, m.Type,
            m.Type == PiiType.Custom ? _custom[m.CustomIndex].Name : PiiTypes.ReportKey(m.Type))).ToList();
    }

    /// <summary>The text with each match replaced by its marker, and where each marker stands in it.</summary>
    private (string Text, List<(int Start, int End, PiiMatch Original)> Markers) Replace(string text, List<PiiMatch> matches)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var markers = new List<(int, int, PiiMatch)>(matches.Count);
        var from = 0;
        foreach (var m in matches)
        {
            builder.Append(text, from, m.Start - from);
            var marker = MarkerOf(m);
            markers.Add((builder.Length, builder.Length + marker.Length, m));
            builder.Append(marker);
            from = m.End;
        }
        builder.Append(text, from, text.Length - from);
        return (builder.ToString(), markers);
    }

    /// <summary>A match in the redacted text, moved to the original text's positions (a cut marker counts whole).</summary>
    private static PiiMatch ToOriginal(PiiMatch m, List<(int Start, int End, PiiMatch Original)> markers)
    {
        int Map(int position, bool isEnd)
        {
            var shift = 0;
            foreach (var (start, end, original) in markers)
            {
                if (isEnd ? position <= start : position < start) break;
                if (position < end || (isEnd && position == end)) return isEnd ? original.End : original.Start;
                shift += original.Length - (end - start);
            }
            return position + shift;
        }
        var s = Map(m.Start, isEnd: false);
        return m with { Start = s, Length = Map(m.End, isEnd: true) - s };
    }

    /// <summary>The earlier matches with the later ones added; a later match replaces every earlier one it covers.</summary>
    private static List<PiiMatch> Merge(List<PiiMatch> earlier, List<PiiMatch> later) =>
        earlier.Where(e => !later.Any(l => l.Start <= e.Start && e.End <= l.End)).Concat(later).OrderBy(m => m.Start).ToList();
}
