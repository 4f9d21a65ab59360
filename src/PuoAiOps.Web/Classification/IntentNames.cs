namespace PuoAiOps.Web.Classification;

/// <summary>English intent names by key, for labels on tables and charts ("oos" reads "Out of scope").</summary>
public sealed class IntentNames(IReadOnlyDictionary<string, string> names)
{
    public const string OutOfScope = "oos";

    public string this[string key] => key == OutOfScope ? "Out of scope" : names.GetValueOrDefault(key) ?? key;
}
