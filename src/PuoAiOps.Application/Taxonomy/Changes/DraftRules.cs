using System.Text.RegularExpressions;
using PuoAiOps.Core.Taxonomy;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>Field rules shared by proposals and the YAML reader: names per locale, text lengths, examples.</summary>
internal static partial class DraftRules
{
    public const string RequiredLocale = "en";
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 8000;
    public const int MaxExamples = 200;
    public const int MaxExampleLength = 1000;

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocaleShape();

    /// <summary>Names of a new intent or domain: "en" required, every locale well-formed, no empty names.</summary>
    public static void CheckNewNames(IReadOnlyDictionary<string, string>? names, string field, ErrorBag errors)
    {
        if (names is null || !names.TryGetValue(RequiredLocale, out var en) || string.IsNullOrWhiteSpace(en))
            errors.Add(field, TaxonomyRefusal.NameRequired, RequiredLocale);
        if (names is null) return;
        foreach (var (locale, name) in names)
        {
            CheckLocale(locale, field, errors);
            if (string.IsNullOrWhiteSpace(name)) errors.Add(field, TaxonomyRefusal.NameEmpty, locale);
            else if (name.Length > MaxNameLength) errors.Add(field, TaxonomyRefusal.NameTooLong, locale, MaxNameLength);
        }
    }

    /// <summary>Name changes merged into existing names: an empty value removes a locale, except the required one.</summary>
    public static void CheckNameChanges(IReadOnlyDictionary<string, string> changes, string field, ErrorBag errors)
    {
        foreach (var (locale, name) in changes)
        {
            CheckLocale(locale, field, errors);
            if (string.IsNullOrWhiteSpace(name) && locale == RequiredLocale) errors.Add(field, TaxonomyRefusal.RequiredNameRemoved, RequiredLocale);
            if (name.Length > MaxNameLength) errors.Add(field, TaxonomyRefusal.NameTooLong, locale, MaxNameLength);
        }
    }

    public static Dictionary<string, string> ApplyNameChanges(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> changes)
    {
        var result = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (locale, name) in changes)
        {
            if (string.IsNullOrWhiteSpace(name)) result.Remove(locale);
            else result[locale] = name.Trim();
        }
        return result;
    }

    public static void CheckDraft(IntentDraft draft, string prefix, ErrorBag errors)
    {
        errors.AddIf($"{prefix}key", TaxonomyKeys.IntentKeyProblem(draft.Key));
        CheckNewNames(draft.Names, $"{prefix}names", errors);
        CheckText(draft.Description, $"{prefix}description", errors);
        CheckText(draft.IncludeCriteria, $"{prefix}includeCriteria", errors);
        CheckText(draft.ExcludeCriteria, $"{prefix}excludeCriteria", errors);
        CheckExamples(draft.Examples, $"{prefix}examples", errors);
        errors.AddIf($"{prefix}guideRef", GuideReference.Problem(draft.GuideRef));
    }

    public static void CheckText(string? text, string field, ErrorBag errors)
    {
        if (text is not null && text.Length > MaxTextLength) errors.Add(field, TaxonomyRefusal.TextTooLong, MaxTextLength);
    }

    public static void CheckExamples(IReadOnlyList<string>? examples, string field, ErrorBag errors)
    {
        if (examples is null) return;
        if (examples.Count > MaxExamples) errors.Add(field, TaxonomyRefusal.TooManyExamples, MaxExamples);
        for (var i = 0; i < examples.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(examples[i])) errors.Add(field, TaxonomyRefusal.ExampleEmpty, i + 1);
            else if (examples[i].Length > MaxExampleLength) errors.Add(field, TaxonomyRefusal.ExampleTooLong, i + 1, MaxExampleLength);
        }
    }

    public static void CheckLocale(string locale, string field, ErrorBag errors)
    {
        if (!LocaleShape().IsMatch(locale)) errors.Add(field, TaxonomyRefusal.NotALocale, locale);
    }

    public static string DisplayName(IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue(RequiredLocale, out var en) ? en : names.Values.FirstOrDefault() ?? "";
}
