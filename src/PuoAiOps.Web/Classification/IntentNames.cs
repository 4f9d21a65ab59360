namespace PuoAiOps.Web.Classification;

/// <summary>Intent names by key for tables and charts, which report intents by key; the out-of-scope label is worded by the page.</summary>
public sealed class IntentNames(IReadOnlyDictionary<string, string> names, string outOfScope)
{
    public const string OutOfScope = "oos";

    public static IntentNames Empty { get; } = new(new Dictionary<string, string>(), "Out of scope");

    public string this[string key] => key == OutOfScope ? outOfScope : names.GetValueOrDefault(key) ?? key;
}
