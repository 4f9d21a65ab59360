namespace PuoAiOps.Core.Text;

/// <summary>
/// A guess at the language of a short text whose language nobody recorded (a person's display name, a batch name):
/// by its script, not its words. Han characters mean Chinese, Latin letters English; a mix goes to the script with
/// the larger share, a Han character weighing three Latin letters (a Chinese word is one or two characters, an
/// English one five or six). Used only for the <c>lang</c> a page puts around such text, so screen readers and the
/// language checks read it right; never to translate or route anything. See docs/decisions/0012-lang-of-unmarked-user-text.md.
/// </summary>
public static class ScriptLanguage
{
    public const string Chinese = "zh";
    public const string English = "en";

    /// <summary><see cref="Chinese"/>, <see cref="English"/>, or null when the text has neither (digits, symbols, empty).</summary>
    public static string? Guess(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        int han = 0, latin = 0;
        foreach (var c in text)
        {
            if (IsHan(c)) han++;
            else if (char.IsAsciiLetter(c) || (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c))) latin++;
        }
        if (han == 0 && latin == 0) return null;
        return han * 3 >= latin ? Chinese : English;
    }

    // CJK Unified Ideographs and Extension A, and the compatibility block (surrogate pairs of the rarer
    // extensions count as neither; a name made only of them is left unmarked).
    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
