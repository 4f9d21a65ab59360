namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// 18-character resident identity numbers of the People's Republic of China: a province code that
/// exists, a birth date that is a real past date (1900 or later), and the MOD 11-2 check character.
/// Written contiguously or grouped 6-8-4.
/// </summary>
internal static class ChineseIdDetector
{
    public const int MinDigits = 17;

    // First two digits of the administrative division code (provinces, municipalities, regions, HK/MO/TW).
    private static ReadOnlySpan<byte> Provinces =>
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ];

    public static int Match(ReadOnlySpan<char> text, int start, DateOnly today)
    {
        Span<char> id = stackalloc char[18];
        var n = 0;
        var i = start;
        var separator = '\0';
        while (i < text.Length && n < 18)
        {
            var c = text[i];
            if (Chars.IsDigit(c) || (n == 17 && c is 'X' or 'x' or '\uFF38' or '\uFF58'))
            {
                id[n++] = c;
                i++;
                continue;
            }
            // Grouped form 6-8-4 with one separator kind.
            if ((n == 6 || n == 14) && c is ' ' or '-' && (separator == '\0' || separator == c) && i + 1 < text.Length && Chars.IsDigit(text[i + 1]))
            {
                if (n == 14 && separator == '\0') return 0;
                separator = c;
                i++;
                continue;
            }
            break;
        }
        if (n != 18 || (separator != '\0' && CountSeparators(text[start..i], separator) != 2)) return 0;
        if (!Chars.IsRightBoundary(text, i)) return 0;
        return IsValid(id, today) ? i - start : 0;
    }

    internal static bool IsValid(ReadOnlySpan<char> id, DateOnly today)
    {
        if (!Checksums.IsChineseIdChecksumValid(id)) return false;
        var province = (Chars.DigitValue(id[0]) * 10) + Chars.DigitValue(id[1]);
        if (!Provinces.Contains((byte)province)) return false;
        var year = Number(id.Slice(6, 4));
        var month = Number(id.Slice(10, 2));
        var day = Number(id.Slice(12, 2));
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month)) return false;
        return new DateOnly(year, month, day) <= today;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits) value = (value * 10) + Chars.DigitValue(c);
        return value;
    }

    private static int CountSeparators(ReadOnlySpan<char> span, char separator) => span.Count(separator);
}
