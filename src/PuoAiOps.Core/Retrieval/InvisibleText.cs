using System.Globalization;
using System.Text;

namespace PuoAiOps.Core.Retrieval;

/// <summary>
/// Removes characters a reader cannot see but a model reads: zero-width spaces and joiners, word
/// joiners, byte-order marks, soft hyphens, bidirectional overrides and Unicode tag characters. They
/// are how instructions get smuggled into a knowledge base ("prompt injection" through documents),
/// and they break keyword matching. Ordinary whitespace, line breaks and all visible text stay.
/// </summary>
public static class InvisibleText
{
    public static bool IsInvisible(int codePoint) => codePoint switch
    {
        0x00AD => true,                       // soft hyphen
        0x034F => true,                       // combining grapheme joiner
        0x061C => true,                       // Arabic letter mark
        0x115F or 0x1160 or 0x3164 or 0xFFA0 => true, // Hangul fillers render as nothing
        0x180E => true,                       // Mongolian vowel separator
        >= 0x200B and <= 0x200F => true,      // zero-width space/non-joiner/joiner, LRM, RLM
        >= 0x202A and <= 0x202E => true,      // bidi embeddings and overrides
        >= 0x2060 and <= 0x206F => true,      // word joiner, invisible operators, bidi isolates
        0xFEFF => true,                       // byte-order mark / zero-width no-break space
        >= 0xFFF9 and <= 0xFFFB => true,      // interlinear annotation controls
        >= 0xE0000 and <= 0xE007F => true,    // tag characters ("ASCII smuggling")
        >= 0xFE00 and <= 0xFE0F => true,      // variation selectors
        >= 0xE0100 and <= 0xE01EF => true,    // variation selectors supplement
        _ => false,
    };

    /// <summary>The text without invisible characters, and without control characters other than tab and line breaks.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsStripping(text)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Keep(rune)) builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    /// <summary>How many characters <see cref="Strip"/> would remove (reported to the uploader).</summary>
    public static int Count(string text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
            if (!Keep(rune)) count++;
        return count;
    }

    private static bool NeedsStripping(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            if (!Keep(rune)) return true;
        return false;
    }

    private static bool Keep(Rune rune)
    {
        if (rune.Value is '\n' or '\r' or '\t') return true;
        if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control) return false;
        return !IsInvisible(rune.Value);
    }
}
