namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// Payment card numbers: 13–19 digits, written contiguously or in the printed groupings (4-4-4-4,
/// 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4) with one kind of separator, an issuer prefix that card
/// networks actually use, and a valid Luhn check digit. The structure and prefix rules keep
/// random digit strings (order numbers, timestamps) out even when their Luhn digit happens to fit.
/// </summary>
internal static class CardDetector
{
    public const int MinDigits = 13;
    private const int MaxDigits = 19;

    /// <summary>Length of the card number starting at <paramref name="start"/>, or 0.</summary>
    public static int Match(ReadOnlySpan<char> text, int start, ref DigitGroups groups)
    {
        groups.Read(text, start, " -", MaxDigits + 4);
        for (var count = groups.Count; count >= 1; count--)
        {
            var digits = groups.DigitsIn(count);
            if (digits is < MinDigits or > MaxDigits) continue;
            if (!IsPrintedLayout(ref groups, count, digits) || !groups.SameSeparator(count)) continue;
            var end = groups.End(count - 1);
            if (!Chars.IsRightBoundary(text, end)) continue;
            var candidate = text[start..end];
            if (HasIssuerPrefix(candidate) && Checksums.IsLuhnValid(candidate)) return end - start;
        }
        return 0;
    }

    private static bool IsPrintedLayout(ref DigitGroups groups, int count, int digits)
    {
        if (count == 1) return true;
        if (count == 3 && groups.Length(0) == 4 && groups.Length(1) == 6 && groups.Length(2) is 4 or 5) return true;
        for (var g = 0; g < count - 1; g++)
            if (groups.Length(g) != 4) return false;
        var last = groups.Length(count - 1);
        return last is >= 1 and <= 4 && digits >= MinDigits;
    }

    /// <summary>
    /// Issuer identification ranges in use: 2200–2204 (Mir), 2221–2720 (Mastercard), 30 and 34–39
    /// (Diners, Amex, JCB), 4 (Visa), 5 (Mastercard, Maestro), 6 (Discover, UnionPay, Maestro, RuPay).
    /// </summary>
    internal static bool HasIssuerPrefix(ReadOnlySpan<char> candidate)
    {
        Span<int> first = stackalloc int[4];
        var n = 0;
        foreach (var c in candidate)
        {
            if (!Chars.IsDigit(c)) continue;
            first[n++] = Chars.DigitValue(c);
            if (n == 4) break;
        }
        if (n < 4) return false;
        var prefix4 = (first[0] * 1000) + (first[1] * 100) + (first[2] * 10) + first[3];
        return first[0] switch
        {
            2 => prefix4 is >= 2200 and <= 2204 or >= 2221 and <= 2720,
            3 => first[1] is 0 or >= 4,
            4 or 5 or 6 => true,
            _ => false,
        };
    }
}
