using PuoAiOps.Core.Text;

namespace PuoAiOps.Application.Knowledge;

/// <summary>The two languages the knowledge base indexes: Chinese (zh, zh-CN...) and everything else as English.</summary>
public static class Locales
{
    public static bool IsChinese(string? locale) => locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>"zh" or "en": the analyzer family a locale's text is indexed with.</summary>
    public static string Language(string? locale) => IsChinese(locale) ? "zh" : "en";

    public static bool SameLanguage(string a, string b) => Language(a) == Language(b);

    /// <summary>zh-CN when at least a fifth of the letters are CJK, else en: for files with no locale given.</summary>
    public static string Guess(string text)
    {
        int cjk = 0, letters = 0;
        foreach (var c in text)
        {
            if (TextNormalizer.IsCjk(c)) { cjk++; letters++; }
            else if (char.IsLetter(c)) letters++;
        }
        return letters > 0 && cjk * 5 >= letters ? "zh-CN" : "en";
    }
}
