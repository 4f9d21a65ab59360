using System.Collections.Frozen;

namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// IBANs: a country code with its registered length, two check digits and the BBAN, contiguous or
/// in groups of four separated by single spaces, passing the MOD 97-10 check.
/// </summary>
internal static class IbanDetector
{
    public const int MinDigits = 10;

    // Lengths from the SWIFT IBAN registry.
    private static readonly FrozenDictionary<int, int> Lengths = new Dictionary<int, int>
    {
        [Key("AD")] = 24, [Key("AE")] = 23, [Key("AL")] = 28, [Key("AT")] = 20, [Key("AZ")] = 28, [Key("BA")] = 20,
        [Key("BE")] = 16, [Key("BG")] = 22, [Key("BH")] = 22, [Key("BR")] = 29, [Key("BY")] = 28, [Key("CH")] = 21,
        [Key("CR")] = 22, [Key("CY")] = 28, [Key("CZ")] = 24, [Key("DE")] = 22, [Key("DK")] = 18, [Key("DO")] = 28,
        [Key("EE")] = 20, [Key("EG")] = 29, [Key("ES")] = 24, [Key("FI")] = 18, [Key("FO")] = 18, [Key("FR")] = 27,
        [Key("GB")] = 22, [Key("GE")] = 22, [Key("GI")] = 23, [Key("GL")] = 18, [Key("GR")] = 27, [Key("GT")] = 28,
        [Key("HR")] = 21, [Key("HU")] = 28, [Key("IE")] = 22, [Key("IL")] = 23, [Key("IQ")] = 23, [Key("IS")] = 26,
        [Key("IT")] = 27, [Key("JO")] = 30, [Key("KW")] = 30, [Key("KZ")] = 20, [Key("LB")] = 28, [Key("LC")] = 32,
        [Key("LI")] = 21, [Key("LT")] = 20, [Key("LU")] = 20, [Key("LV")] = 21, [Key("LY")] = 25, [Key("MC")] = 27,
        [Key("MD")] = 24, [Key("ME")] = 22, [Key("MK")] = 19, [Key("MR")] = 27, [Key("MT")] = 31, [Key("MU")] = 30,
        [Key("NL")] = 18, [Key("NO")] = 15, [Key("PK")] = 24, [Key("PL")] = 28, [Key("PS")] = 29, [Key("PT")] = 25,
        [Key("QA")] = 29, [Key("RO")] = 24, [Key("RS")] = 22, [Key("SA")] = 24, [Key("SC")] = 31, [Key("SE")] = 24,
        [Key("SI")] = 19, [Key("SK")] = 24, [Key("SM")] = 27, [Key("ST")] = 25, [Key("SV")] = 28, [Key("TL")] = 23,
        [Key("TN")] = 24, [Key("TR")] = 26, [Key("UA")] = 29, [Key("VA")] = 22, [Key("VG")] = 24, [Key("XK")] = 20,
    }.ToFrozenDictionary();

    public static void Find(ReadOnlySpan<char> text, ref MatchList matches)
    {
        for (var i = 0; i + 15 <= text.Length; i++)
        {
            if (!char.IsAsciiLetter(text[i]) || !char.IsAsciiLetter(text[i + 1]) || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3]))
                continue;
            if (!Chars.IsLeftBoundary(text, i)) continue;
            var length = Match(text, i);
            if (length == 0) continue;
            matches.Add(new PiiMatch(i, length, PiiType.Iban));
            i += length - 1;
        }
    }

    private static int Match(ReadOnlySpan<char> text, int start)
    {
        if (!Lengths.TryGetValue(Key(char.ToUpperInvariant(text[start]), char.ToUpperInvariant(text[start + 1])), out var expected)) return 0;
        var count = 0;
        var i = start;
        while (i < text.Length && count < expected)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                count++;
                i++;
            }
            else if (c == ' ' && count % 4 == 0 && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
                i++;
            else
                break;
        }
        if (count != expected || !Chars.IsRightBoundary(text, i)) return 0;
        return Checksums.IsIbanChecksumValid(text[start..i]) ? i - start : 0;
    }

    private static int Key(string country) => Key(country[0], country[1]);
    private static int Key(char a, char b) => (a << 8) | b;
}
