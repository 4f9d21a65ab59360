using System.Globalization;

namespace PuoAiOps.Core.Text;

/// <summary>What a token is made of: space-delimited words, or a run of CJK characters (no word boundaries).</summary>
public enum TokenKind
{
    Word,
    Cjk,
}

/// <summary>A token as a slice of the text it came from, so tokenising allocates nothing.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}

/// <summary>
/// Splits (normalised) text into words and CJK runs. Words are runs of letters, digits and
/// combining marks; CJK ideographs and kana are not space-delimited, so each maximal run becomes
/// one <see cref="TokenKind.Cjk"/> token that feature extraction cuts into character n-grams.
/// Everything else (spaces, punctuation, symbols) separates tokens.
/// </summary>
public static class Tokenizer
{
    /// <summary>Allocation-free enumeration: <c>foreach (var t in Tokenizer.Enumerate(text))</c>.</summary>
    public static TokenEnumerator Enumerate(ReadOnlySpan<char> text) => new(text);

    /// <summary>Convenience for tests and tools: normalises, then returns the token strings.</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var tokens = new List<string>();
        foreach (var token in Enumerate(normalized))
            tokens.Add(normalized.Substring(token.Start, token.Length));
        return tokens;
    }

    internal static CharClass Classify(char c)
    {
        if (TextNormalizer.IsCjk(c)) return CharClass.Cjk;
        if (char.IsLetterOrDigit(c)) return CharClass.Word;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            ? CharClass.Word
            : CharClass.Separator;
    }

    internal enum CharClass
    {
        Separator,
        Word,
        Cjk,
    }

    public ref struct TokenEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private int _position;

        internal TokenEnumerator(ReadOnlySpan<char> text)
        {
            _text = text;
            _position = 0;
            Current = default;
        }

        public Token Current { get; private set; }

        public readonly TokenEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_position < _text.Length && ClassifyFast(_text[_position]) == CharClass.Separator)
                _position++;
            if (_position >= _text.Length) return false;
            var start = _position;
            var kind = ClassifyFast(_text[start]);
            while (_position < _text.Length && ClassifyFast(_text[_position]) == kind)
                _position++;
            Current = new Token(start, _position - start, kind == CharClass.Cjk ? TokenKind.Cjk : TokenKind.Word);
            return true;
        }

        // ASCII dominates real traffic: answer it without the Unicode tables.
        private static CharClass ClassifyFast(char c)
        {
            if (c < 128)
                return char.IsAsciiLetterOrDigit(c) ? CharClass.Word : CharClass.Separator;
            return Classify(c);
        }
    }
}
