namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// E-mail addresses, found from each '@' outwards: a local part of the usual unquoted characters and
/// a dotted host name whose last label is alphabetic (2+ letters) or punycode. Chinese text glued to
/// either side ends the address, since it is outside the ASCII address alphabet.
/// </summary>
internal static class EmailDetector
{
    public static void Find(ReadOnlySpan<char> text, ref MatchList matches)
    {
        var from = 0;
        while (from < text.Length)
        {
            var rel = text[from..].IndexOfAny('@', '\uFF20');
            if (rel < 0) return;
            var at = from + rel;
            var start = LocalStart(text, at);
            var end = DomainEnd(text, at + 1);
            if (start < at && end > at + 1)
            {
                matches.Add(new PiiMatch(start, end - start, PiiType.Email));
                from = end;
            }
            else
                from = at + 1;
        }
    }

    private static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '\'';

    private static int LocalStart(ReadOnlySpan<char> text, int at)
    {
        var i = at;
        while (i > 0 && IsLocalChar(text[i - 1]) && at - (i - 1) <= 64) i--;
        while (i < at && text[i] is '.' or '\'' or '-' or '+') i++; // punctuation that only glued the address to the sentence
        return i;
    }

    /// <summary>End of a valid host name starting at <paramref name="start"/>, or <paramref name="start"/> when none.</summary>
    private static int DomainEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        var labels = 0;
        var validEnd = start;
        while (i < text.Length)
        {
            var labelStart = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-')) i++;
            var label = text[labelStart..i];
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[^1] == '-') break;
            labels++;
            if (labels >= 2 && IsTopLevel(label)) validEnd = i;
            if (i + 1 >= text.Length || text[i] != '.' || !char.IsAsciiLetterOrDigit(text[i + 1])) break;
            i++;
        }
        return validEnd > start && Chars.IsRightBoundary(text, validEnd) ? validEnd : start;
    }

    private static bool IsTopLevel(ReadOnlySpan<char> label)
    {
        if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase)) return label.Length > 4;
        if (label.Length < 2) return false;
        foreach (var c in label)
            if (!char.IsAsciiLetter(c)) return false;
        return true;
    }
}
