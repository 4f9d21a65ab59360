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

    /// <summary>The name to show: English, else any.</summary>
    public static string DisplayName(IReadOnlyDictionary<string, string> names, string fallback) =>
        names.TryGetValue(English, out var en) && en.Length > 0 ? en : names.Values.FirstOrDefault(v => v.Length > 0) ?? fallback;

    /// <summary>The language of <see cref="DisplayName"/>'s choice, for its <c>lang</c> (null for the fallback key, an identifier).</summary>
    public static string? DisplayLang(IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue(English, out var en) && en.Length > 0 ? English : names.FirstOrDefault(n => n.Value.Length > 0).Key;

    /// <summary>Every locale to offer for <paramref name="names"/>: the edited ones first, then any other present.</summary>
    public static IEnumerable<string> For(IReadOnlyDictionary<string, string> names) =>
        Edited.Concat(names.Keys.Where(k => !Edited.Contains(k)).Order(StringComparer.Ordinal));
}
