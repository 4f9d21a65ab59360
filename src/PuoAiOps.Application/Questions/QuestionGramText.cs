using System.Buffers;
using System.Text;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// What the SQLite index of 1-2 character searches (migration 0016, "QuestionGrams") stores and looks up: every
/// 1- and 2-character sequence of the lowered text, each written as the upper-case hex of its UTF-8 bytes, so that
/// any character (punctuation, spaces, CJK, emoji) becomes one ASCII token for FTS5's 'ascii' tokenizer.
/// <see cref="Document"/> builds exactly the string the migration's triggers build in SQL (the import indexes its
/// rows in bulk with it, and a contentless FTS5 table forgets a row only when given the same tokens again);
/// QuestionGramTextTests checks the two against each other.
/// </summary>
internal static class QuestionGramText
{
    /// <summary>The name under which the import registers <see cref="Document"/> on its SQLite connection.</summary>
    public const string SqlFunction = "puo_question_grams";

    /// <summary>
    /// The grams of a stored text, as the trigger's SQL builds them: SQLite's lower() (A-Z only), characters up to
    /// the first NUL (SQLite's length()), and for each position the character, a space, the character with its
    /// successor (the last position gives the character alone), positions joined by spaces; null for an empty text.
    /// </summary>
    public static string? Document(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var end = text.IndexOf('\0', StringComparison.Ordinal);
        var value = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        if (value.IsEmpty) return null;

        // At most 4 UTF-8 bytes per character: 8 hex digits for the character, 16 for the pair, 2 spaces.
        var buffer = ArrayPool<char>.Shared.Rent(checked(value.Length * 26));
        try
        {
            var written = 0;
            var rest = value;
            Rune.DecodeFromUtf16(rest, out var current, out var used);
            while (true)
            {
                rest = rest[used..];
                var last = rest.IsEmpty;
                var next = default(Rune);
                if (!last) Rune.DecodeFromUtf16(rest, out next, out used);
                if (written > 0) buffer[written++] = ' ';
                var lowered = Lower(current);
                written += Hex(lowered, buffer.AsSpan(written));
                buffer[written++] = ' ';
                written += Hex(lowered, buffer.AsSpan(written));
                if (!last) written += Hex(Lower(next), buffer.AsSpan(written));
                if (last) break;
                current = next;
            }
            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The token a 1-2 character search term (already lowered) looks up.</summary>
    public static string Token(string term) => Convert.ToHexString(Encoding.UTF8.GetBytes(term));

    private static Rune Lower(Rune rune) => rune.Value is >= 'A' and <= 'Z' ? new Rune(rune.Value + 32) : rune;

    private static int Hex(Rune rune, Span<char> destination)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var bytes = rune.EncodeToUtf8(utf8);
        Convert.TryToHexString(utf8[..bytes], destination, out var chars);
        return chars;
    }
}
