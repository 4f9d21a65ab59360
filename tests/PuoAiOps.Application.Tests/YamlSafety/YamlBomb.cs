namespace PuoAiOps.Application.Tests.YamlSafety;

/// <summary>
/// The "billion laughs" of YAML as a taxonomy file: 13 KB whose three nested anchors stand for
/// 600 × 600 × 600 scalars once the aliases are expanded.
/// </summary>
internal static class YamlBomb
{
    /// <summary>Line of the first anchor, where a safe reader must stop.</summary>
    public const int AnchorLine = 2;

    public static string Text { get; } = Build(600);

    public static string Build(int width)
    {
        static string Row(string item, int width) => "[" + string.Join(",", Enumerable.Repeat(item, width)) + "]";
        return "format: puo-taxonomy/1\n"
               + $"a: &a {Row("lol", width)}\n"
               + $"b: &b {Row("*a", width)}\n"
               + $"c: &c {Row("*b", width)}\n"
               + "domains:\n- key: payments\n  names: {en: P}\n  intents: *c\n";
    }
}
