using System.Text.RegularExpressions;

namespace PuoAiOps.Core.Taxonomy;

/// <summary>
/// Intent and domain keys are snake_case ASCII: they appear in YAML, URLs, classifier class names
/// and guide anchors, so they must survive every one of those without escaping.
/// </summary>
public static partial class TaxonomyKeys
{
    public const int MaxIntentKeyLength = 96;
    public const int MaxDomainKeyLength = 64;

    /// <summary>The label that means "out of scope" in the classifier and the label export; no intent may use it.</summary>
    public const string OutOfScopeKey = "oos";

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();

    /// <summary>Null when valid, otherwise a message naming the rule that was broken.</summary>
    public static string? ValidateIntentKey(string? key) =>
        key == OutOfScopeKey
            ? $"The intent key '{OutOfScopeKey}' is reserved: it marks out-of-scope questions in labels and classifiers."
            : Validate(key, "intent", MaxIntentKeyLength);

    public static string? ValidateDomainKey(string? key) => Validate(key, "domain", MaxDomainKeyLength);

    public static bool IsSnakeCase(string? key) => key is not null && SnakeCase().IsMatch(key);

    private static string? Validate(string? key, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(key)) return $"The {what} key is required.";
        if (key.Length > maxLength) return $"The {what} key '{key}' is longer than {maxLength} characters.";
        if (!IsSnakeCase(key))
            return $"The {what} key '{key}' must be snake_case: lower-case letters, digits and single underscores, starting with a letter (e.g. recharge_failed).";
        return null;
    }
}
