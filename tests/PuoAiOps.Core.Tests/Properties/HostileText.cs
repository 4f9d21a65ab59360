using System.Globalization;
using System.Text;
using CsCheck;

namespace PuoAiOps.Core.Tests.Properties;

/// <summary>
/// Generators of text that real users, clients and files produce at the edges: every Unicode
/// category, combining marks, zero-width and bidirectional controls, CJK Extension B, emoji
/// sequences (ZWJ, skin tones, flags, keycaps), lone surrogates, control characters, and the
/// characters that structure CSV, JSON and YAML. Lengths run from 0 to 100,000 characters, most
/// short and a few very long, so a property suite stays fast while still meeting huge inputs.
/// Shared by the Core and Application test projects (linked source).
/// </summary>
public static class HostileText
{
    public const int MaxLength = 100_000;

    /// <summary>Code points of each Unicode category (a sample of large ones), computed once.</summary>
    private static readonly int[][] ByCategory = BuildCategories();

    private static readonly string[] Emoji =
    [
        "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", // family: ZWJ sequence
        "\U0001F44D\U0001F3FD", "\U0001F9D1\U0001F3FF\u200D\U0001F692", // skin tones, ZWJ profession
        "\U0001F1E8\U0001F1F3", "\U0001F1FA\U0001F1F8", "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", // flags, tag sequence
        "1\uFE0F\u20E3", "\u2764\uFE0F", "\U0001F600", "\U0001FAE0",
    ];

    private static readonly string[] Invisible =
    [
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", // zero-width, soft hyphen
        "\u200E", "\u200F", "\u061C", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", // bidi
    ];

    private static readonly string[] Structural =
    [
        ",", "\"", "\"\"", "'", "\n", "\r\n", "\r", "\t", "{", "}", "[", "]", ":", "\\", "\\u0000", "#", "&a", "*a", "- ", "? ", "|", ">", "!!str ",
        "---", "...", "%YAML", "=cmd|", "@", "<script>", "\u2028", "\u2029", "\u0085",
    ];

    private static readonly string[] Meaningful =
    [
        "refund", "password", "直播", "卡顿", "gift coins", "4111 1111 1111 1111", "13800138000", "+86 138 0013 8000", "a@b.com",
        "11010519491231002X", "DE89370400440532013000", "192.168.0.1", "2001:db8::1", "https://x.io/?token=abc", "Order #4111111111111111",
        "ＡＢＣ１２３", "ﬁ", "\uFDFA", "İ", "ß", "Σ",
    ];

    /// <summary>One piece of text: a character or short sequence from one of the hostile families.</summary>
    public static Gen<string> Piece { get; } = Gen.Frequency<string>(
        (20, Gen.Char['a', 'z'].Select(c => c.ToString())),
        (6, Gen.OneOf<string>(Gen.Const(" "), Gen.Const("  "), Gen.Char["0123456789.?!-_/"].Select(c => c.ToString()))),
        (10, Gen.Int[0, ByCategory.Length - 1].SelectMany(c => Gen.Int[0, ByCategory[c].Length - 1].Select(i => char.ConvertFromUtf32(ByCategory[c][i])))),
        (4, Gen.Char['\u0300', '\u036F'].Select(c => c.ToString())), // combining diacritics
        (4, Gen.OneOf(Invisible)),
        (4, Gen.Int[0x20000, 0x2A6DF].Select(char.ConvertFromUtf32)), // CJK Extension B: surrogate pairs
        (5, Gen.Char['\u4E00', '\u9FFF'].Select(c => c.ToString())),
        (4, Gen.OneOf(Emoji)),
        (3, Gen.OneOf<char>(Gen.Char['\uD800', '\uDBFF'], Gen.Char['\uDC00', '\uDFFF']).Select(c => c.ToString())), // lone surrogates
        (3, Gen.OneOf<char>(Gen.Char['\u0000', '\u001F'], Gen.Char['\u007F', '\u009F']).Select(c => c.ToString())),
        (2, Gen.Char.Select(c => c.ToString())), // any UTF-16 unit at all
        (5, Gen.OneOf(Structural)),
        (5, Gen.OneOf(Meaningful)));

    /// <summary>Texts of 0 to <see cref="MaxLength"/> characters: mostly under 100, some thousands, a few near the maximum.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency<int>(
            (70, Gen.Int[0, 40]),
            (20, Gen.Int[40, 600]),
            (8, Gen.Int[600, 6_000]),
            (2, Gen.Int[6_000, 45_000]))
        .SelectMany(pieces => Piece.Array[pieces])
        .Select(Join);

    /// <summary>Short texts only (under about 100 characters), for properties that run a costly step per text.</summary>
    public static Gen<string> Short { get; } = Gen.Int[0, 40].SelectMany(pieces => Piece.Array[pieces]).Select(Join);

    private static string Join(string[] pieces)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (text.Length + piece.Length > MaxLength) break;
            text.Append(piece);
        }
        return text.ToString();
    }

    private static int[][] BuildCategories()
    {
        var lists = Enum.GetValues<UnicodeCategory>().ToDictionary(c => c, _ => new List<int>());
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            var category = cp is >= 0xD800 and <= 0xDFFF ? UnicodeCategory.Surrogate : CharUnicodeInfo.GetUnicodeCategory(cp);
            var list = lists[category];
            // Keep every code point of small categories and a spread of the huge ones (unassigned, private use, CJK).
            if (list.Count < 4_096 || cp % 64 == 0) list.Add(cp);
        }
        // Surrogate code points cannot stand alone as a string built from a code point; the lone-surrogate family covers them.
        lists.Remove(UnicodeCategory.Surrogate);
        return lists.Values.Where(l => l.Count > 0).Select(l => l.ToArray()).ToArray();
    }
}
