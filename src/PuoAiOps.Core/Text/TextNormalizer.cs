using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PuoAiOps.Core.Text;

/// <summary>
/// Canonical form of a question for duplicate detection and features: NFKC (folds full-width
/// Latin and digits, common in Chinese input), lower case, one space between words, trimmed.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new char[text.Length];
        var length = Normalize(text, ref buffer);
        return new string(buffer, 0, length);
    }

    /// <summary>
    /// The same canonical form written into <paramref name="buffer"/> (replaced by a larger one when
    /// too small); returns its length. Allocates nothing for text already in NFKC, which includes all
    /// ASCII text: the classifier normalises every question on its hot path this way.
    /// </summary>
    public static int Normalize(string text, ref char[] buffer)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfkc = WellFormed(text).Normalize(NormalizationForm.FormKC);
        if (buffer.Length < nfkc.Length) buffer = new char[nfkc.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var ch in nfkc)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }
            buffer[length++] = char.ToLowerInvariant(ch);
        }
        return length;
    }

    /// <summary>
    /// The text with every lone surrogate and the noncharacters U+FFFE/U+FFFF replaced by U+FFFD.
    /// NFKC throws "invalid Unicode code points" on those noncharacters, and (depending on the
    /// platform's Unicode library) on half of a surrogate pair, which a .NET string may hold (a
    /// truncated emoji, a JSON "\ud800" escape). Returns the same instance when there is none,
    /// which is nearly always.
    /// </summary>
    public static string WellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        var noncharacter = text.AsSpan().IndexOfAny('\uFFFE', '\uFFFF') >= 0;
        if (!noncharacter && (first < 0 || IsWellFormedFrom(text, first))) return text;
        return string.Create(text.Length, text, static (chars, source) =>
        {
            source.AsSpan().CopyTo(chars);
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] is '\uFFFE' or '\uFFFF') chars[i] = '\uFFFD';
                if (!char.IsSurrogate(chars[i])) continue;
                if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
                else chars[i] = '\uFFFD';
            }
        });
    }

    private static bool IsWellFormedFrom(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
            i++;
        }
        return true;
    }

    /// <summary>Hex SHA-256 of the normalised text: the duplicate key stored with each question.</summary>
    public static string Hash(string text)
    {
        var normalized = Normalize(text);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>True for CJK ideographs and kana, which are not space-delimited.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3040' and <= '\u30FF'
            or >= '\uF900' and <= '\uFAFF' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= '\u2E80';
}
