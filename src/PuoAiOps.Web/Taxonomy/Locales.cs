using System.Globalization;

namespace PuoAiOps.Web.Taxonomy;

/// <summary>The locales the console edits names in; others found on an intent are shown and kept too.</summary>
public static class Locales
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static readonly IReadOnlyList<string> Edited = [English, Chinese];

    public static string Label(string locale) => locale switch
    {
        English => "English",
        Chinese => "Chinese (简体)",
        _ => locale,
    };

    /// <summary>
    /// The name to show: the one in the reader's language (Chinese on a Chinese page), else English, else any — the
    /// intent's own translation, so a Chinese page shows 无法登录 rather than "Cannot log in".
    /// </summary>
    public static string DisplayName(IReadOnlyDictionary<string, string> names, string fallback) =>
        DisplayLang(names) is { } locale ? names[locale] : fallback;

    /// <summary>The language of <see cref="DisplayName"/>'s choice, for its <c>lang</c> (null for the fallback key, an identifier).</summary>
    public static string? DisplayLang(IReadOnlyDictionary<string, string> names)
    {
        var reader = Reader();
        if (names.TryGetValue(reader, out var own) && own.Length > 0) return reader;
        if (names.TryGetValue(English, out var en) && en.Length > 0) return English;
        return names.FirstOrDefault(n => n.Value.Length > 0).Key;
    }

    /// <summary>The edited locale of the current UI culture: <see cref="Chinese"/> for any Chinese, else <see cref="English"/>.</summary>
    public static string Reader() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? Chinese : English;

    /// <summary>Every locale to offer for <paramref name="names"/>: the edited ones first, then any other present.</summary>
    public static IEnumerable<string> For(IReadOnlyDictionary<string, string> names) =>
        Edited.Concat(names.Keys.Where(k => !Edited.Contains(k)).Order(StringComparer.Ordinal));
}
