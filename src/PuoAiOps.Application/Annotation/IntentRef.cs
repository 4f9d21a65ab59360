namespace PuoAiOps.Application.Annotation;

/// <summary>An intent as shown next to a label: id, key and names by locale. Out-of-scope has no id.</summary>
public sealed record IntentRef(int? Id, string Key, IReadOnlyDictionary<string, string> Names)
{
    public static IntentRef OutOfScope { get; } = new(null, LabelValue.OutOfScopeName,
        new Dictionary<string, string> { ["en"] = "Out of scope", ["zh-CN"] = "超出范围" });

    /// <summary>The name in the requested locale, else English, else any name, else the key.</summary>
    public string DisplayName(string locale = "en") =>
        Names.TryGetValue(locale, out var name) || Names.TryGetValue("en", out name) ? name : Names.Values.FirstOrDefault() ?? Key;
}
