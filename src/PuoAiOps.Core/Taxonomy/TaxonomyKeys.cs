using System.Text.RegularExpressions;
using PuoAiOps.Core.Messages;

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
    public static string? ValidateIntentKey(string? key) => IntentKeyProblem(key)?.English;

    public static string? ValidateDomainKey(string? key) => DomainKeyProblem(key)?.English;

    /// <summary>Null when valid, otherwise the broken rule as a code with its arguments.</summary>
    public static CodedMessage? IntentKeyProblem(string? key) =>
        key == OutOfScopeKey
            ? CodedMessage.Of(TaxonomyKeyMessage.IntentKeyReserved, OutOfScopeKey)
            : Problem(key, MaxIntentKeyLength, TaxonomyKeyMessage.IntentKeyRequired, TaxonomyKeyMessage.IntentKeyTooLong, TaxonomyKeyMessage.IntentKeyNotSnakeCase);

    public static CodedMessage? DomainKeyProblem(string? key) =>
        Problem(key, MaxDomainKeyLength, TaxonomyKeyMessage.DomainKeyRequired, TaxonomyKeyMessage.DomainKeyTooLong, TaxonomyKeyMessage.DomainKeyNotSnakeCase);

    public static bool IsSnakeCase(string? key) => key is not null && SnakeCase().IsMatch(key);

    private static CodedMessage? Problem(string? key, int maxLength, TaxonomyKeyMessage required, TaxonomyKeyMessage tooLong, TaxonomyKeyMessage notSnakeCase)
    {
        if (string.IsNullOrWhiteSpace(key)) return CodedMessage.Of(required);
        if (key.Length > maxLength) return CodedMessage.Of(tooLong, key, maxLength);
        if (!IsSnakeCase(key)) return CodedMessage.Of(notSnakeCase, key);
        return null;
    }
}
