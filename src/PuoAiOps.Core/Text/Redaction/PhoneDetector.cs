namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// Phone numbers: international "+CC …" numbers (8–15 digits, E.164), Chinese mobiles
/// 1[3-9]xxxxxxxxx (contiguous or 3-4-4, optionally after 86 / 0086), Chinese landlines
/// 0AA(A)-NNNNNNN(N) and North American (NPA) NXX-XXXX. Bare digit strings of other shapes are left alone.
/// </summary>
internal static class PhoneDetector
{
    public const int MinDigits = 8;
    private const int MaxE164Digits = 15;

    /// <summary>An international number starting at '+' (or "(+"). Returns (start, length); length 0 when none.</summary>
    public static (int Start, int Length) MatchInternational(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        var depth = 0;
        if (text[i] == '(') { depth = 1; i++; }
        if (i >= text.Length || text[i] is not ('+' or '\uFF0B')) return (start, 0);
        i++;
        if (i >= text.Length || !Chars.IsDigit(text[i])) return (start, 0);
        var digits = 0;
        var lastDigitEnd = i;
        var gap = 0;
        var closed = depth == 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (Chars.IsDigit(c))
            {
                if (++digits > MaxE164Digits) return (start, 0);
                lastDigitEnd = ++i;
                gap = 0;
                continue;
            }
            if (c is not (' ' or '-' or '.' or '(' or ')') || ++gap > 2) break;
            if (c == '(') depth++;
            if (c == ')')
            {
                if (depth == 0) break;
                depth--;
                closed = true;
            }
            i++;
        }
        if (digits < MinDigits || !Chars.IsRightBoundary(text, lastDigitEnd)) return (start, 0);
        // "(+86 138…)" closes after the digits: leave the opening bracket in place.
        var from = text[start] == '(' && !closed ? start + 1 : start;
        return (from, lastDigitEnd - from);
    }

    /// <summary>A domestic number starting at digit <paramref name="start"/>; 0 when none.</summary>
    public static int MatchDomestic(ReadOnlySpan<char> text, int start, ref DigitGroups groups)
    {
        groups.Read(text, start, " -.", 16);
        var end = ChineseMobile(text, start, ref groups);
        if (end == 0) end = ChineseLandline(text, ref groups);
        if (end == 0) end = NorthAmerican(text, ref groups);
        return end == 0 || !Chars.IsRightBoundary(text, end) ? 0 : end - start;
    }

    /// <summary>"(415) 555-2671": the bracketed area-code form, starting at '('.</summary>
    public static int MatchBracketedNorthAmerican(ReadOnlySpan<char> text, int start)
    {
        var rest = text[start..];
        if (rest.Length < 14 || rest[0] != '(' || rest[4] != ')') return 0;
        var i = 5;
        if (rest[i] == ' ') i++;
        if (rest.Length < i + 8) return 0;
        if (!AllDigits(rest.Slice(1, 3)) || !AllDigits(rest.Slice(i, 3)) || rest[i + 3] is not ('-' or '.' or ' ') || !AllDigits(rest.Slice(i + 4, 4)))
            return 0;
        if (!IsNanpLead(rest[1]) || !IsNanpLead(rest[i])) return 0;
        var end = start + i + 8;
        return Chars.IsRightBoundary(text, end) ? end - start : 0;
    }

    private static int ChineseMobile(ReadOnlySpan<char> text, int start, ref DigitGroups groups)
    {
        var first = groups.Length(0);
        // Prefix glued on: 8613800138000 / 008613800138000.
        if (first == 13 && StartsWith(text, start, "86") && IsMobile(text, start + 2)) return groups.End(0);
        if (first == 15 && StartsWith(text, start, "0086") && IsMobile(text, start + 4)) return groups.End(0);
        var g = (first == 2 && StartsWith(text, start, "86")) || (first == 4 && StartsWith(text, start, "0086")) ? 1 : 0;
        if (g >= groups.Count) return 0;
        if (groups.Length(g) == 11 && IsMobile(text, groups.Start(g))) return groups.End(g);
        if (groups.Count >= g + 3 && groups.Length(g) == 3 && groups.Length(g + 1) == 4 && groups.Length(g + 2) == 4
            && text[groups.End(g)] == text[groups.End(g + 1)] && text[groups.End(g)] != '.' && IsMobile(text, groups.Start(g)))
            return groups.End(g + 2);
        return 0;
    }

    private static int ChineseLandline(ReadOnlySpan<char> text, ref DigitGroups groups)
    {
        if (groups.Count < 2 || groups.Length(0) is not (3 or 4) || groups.Length(1) is not (7 or 8)) return 0;
        var s = groups.Start(0);
        if (Chars.DigitValue(text[s]) != 0 || Chars.DigitValue(text[s + 1]) == 0) return 0;
        if (text[groups.End(0)] is not ('-' or ' ') || Chars.DigitValue(text[groups.Start(1)]) < 2) return 0;
        return groups.End(1);
    }

    private static int NorthAmerican(ReadOnlySpan<char> text, ref DigitGroups groups)
    {
        if (groups.Count < 3 || groups.Length(0) != 3 || groups.Length(1) != 3 || groups.Length(2) != 4) return 0;
        var sep = text[groups.End(0)];
        if (sep == ' ' || text[groups.End(1)] != sep) return 0;
        if (!IsNanpLead(text[groups.Start(0)]) || !IsNanpLead(text[groups.Start(1)])) return 0;
        return groups.End(2);
    }

    private static bool IsMobile(ReadOnlySpan<char> text, int at) =>
        at + 1 < text.Length && Chars.DigitValue(text[at]) == 1 && Chars.IsDigit(text[at + 1]) && Chars.DigitValue(text[at + 1]) >= 3;

    private static bool IsNanpLead(char c) => Chars.IsDigit(c) && Chars.DigitValue(c) >= 2;

    private static bool StartsWith(ReadOnlySpan<char> text, int at, string digits)
    {
        if (at + digits.Length > text.Length) return false;
        for (var k = 0; k < digits.Length; k++)
            if (!Chars.IsDigit(text[at + k]) || Chars.DigitValue(text[at + k]) != digits[k] - '0') return false;
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
            if (!Chars.IsDigit(c)) return false;
        return true;
    }
}
