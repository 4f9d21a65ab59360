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
        var nfkc = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        var pendingSpace = false;
        foreach (var ch in nfkc)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
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
