namespace PuoAiOps.Core.Text.Redaction;

/// <summary>Character tests shared by the detectors. Full-width digits (common in Chinese input) count as digits.</summary>
internal static class Chars
{
    public static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '\uFF10' and <= '\uFF19';

    /// <summary>Value 0–9 of an ASCII or full-width digit.</summary>
    public static int DigitValue(char c) => c <= '9' ? c - '0' : c - '\uFF10';

    public static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>True when a number may start right after <paramref name="index"/>-1: no letter, digit or underscore glued to it.</summary>
    public static bool IsLeftBoundary(ReadOnlySpan<char> text, int index)
    {
        if (index == 0) return true;
        var prev = text[index - 1];
        return !(char.IsAsciiLetterOrDigit(prev) || prev == '_' || IsDigit(prev));
    }

    /// <summary>True when a number may end at <paramref name="end"/>: the next character is not a letter or digit.</summary>
    public static bool IsRightBoundary(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length) return true;
        var next = text[end];
        return !(char.IsAsciiLetterOrDigit(next) || next == '_' || IsDigit(next));
    }

    public static int DigitRunEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && IsDigit(text[i])) i++;
        return i;
    }
}
