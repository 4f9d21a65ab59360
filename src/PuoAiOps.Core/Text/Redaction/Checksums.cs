namespace PuoAiOps.Core.Text.Redaction;

/// <summary>The check-digit algorithms that keep the number detectors precise.</summary>
public static class Checksums
{
    /// <summary>Luhn (mod 10) over the digits of <paramref name="digits"/>; other characters are skipped.</summary>
    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var count = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var c = digits[i];
            if (!Chars.IsDigit(c)) continue;
            var d = Chars.DigitValue(c);
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
            count++;
        }
        return count > 1 && sum % 10 == 0;
    }

    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckChars = "10X98765432";

    /// <summary>
    /// Check character of an 18-character Chinese resident identity number (GB 11643-1999, ISO 7064 MOD 11-2).
    /// <paramref name="id"/> must hold exactly 18 characters: 17 digits and the check digit or X.
    /// </summary>
    public static bool IsChineseIdChecksumValid(ReadOnlySpan<char> id)
    {
        if (id.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!Chars.IsDigit(id[i])) return false;
            sum += Chars.DigitValue(id[i]) * IdWeights[i];
        }
        var expected = IdCheckChars[sum % 11];
        var actual = id[17];
        if (actual is 'x' or '\uFF38' or '\uFF58') actual = 'X';
        else if (Chars.IsDigit(actual)) actual = (char)('0' + Chars.DigitValue(actual));
        return actual == expected;
    }

    /// <summary>
    /// IBAN check (ISO 13616, ISO 7064 MOD 97-10): move the first four characters to the end, letters
    /// become 10–35, the number mod 97 must be 1. Spaces are skipped; any other non-alphanumeric fails.
    /// </summary>
    public static bool IsIbanChecksumValid(ReadOnlySpan<char> iban)
    {
        Span<char> compact = stackalloc char[34];
        var n = 0;
        foreach (var c in iban)
        {
            if (c == ' ') continue;
            if (!char.IsAsciiLetterOrDigit(c) || n == compact.Length) return false;
            compact[n++] = char.ToUpperInvariant(c);
        }
        if (n < 5) return false;
        var remainder = 0;
        for (var k = 0; k < n; k++)
        {
            var c = compact[(k + 4) % n];
            if (char.IsAsciiDigit(c))
                remainder = (remainder * 10 + (c - '0')) % 97;
            else
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder == 1;
    }
}
