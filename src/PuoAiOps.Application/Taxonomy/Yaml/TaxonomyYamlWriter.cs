using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PuoAiOps.Application.Taxonomy.Yaml;

/// <summary>
/// Writes a taxonomy document as YAML meant for people and diffs: block style, multi-line text as
/// literal blocks, names with "en" first, empty fields left out. Scalars that other YAML readers
/// would take for booleans, numbers or null are quoted so the file means the same everywhere.
/// </summary>
public static partial class TaxonomyYamlWriter
{
    [GeneratedRegex(@"^(true|false|yes|no|on|off|y|n|null|~|[-+]?(\.?[0-9][0-9_.,:eE+-]*|\.inf|\.nan))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksTyped();

    public static string Write(TaxonomyDocument document)
    {
        var domains = new YamlSequenceNode();
        foreach (var d in document.Domains)
        {
            var domain = new YamlMappingNode { { "key", Plain(d.Key) } };
            if (d.Names is not null) domain.Add("names", Names(d.Names));
            AddText(domain, "description", d.Description);
            domain.Add("sort_order", Plain(d.SortOrder.ToString(CultureInfo.InvariantCulture)));
            var intents = new YamlSequenceNode();
            foreach (var i in d.Intents) intents.Add(Intent(i));
            domain.Add("intents", intents);
            domains.Add(domain);
        }
        var root = new YamlMappingNode { { "format", Plain(TaxonomyDocument.Format) }, { "domains", domains } };

        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        writer.WriteLine("# PuoAiOps intent taxonomy. `puo taxonomy import FILE` turns every difference into a proposal for review.");
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        // YamlStream always closes the document with "..."; a single-document file reads better without it.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode Intent(IntentDocument i)
    {
        var node = new YamlMappingNode
        {
            { "key", Plain(i.Key) },
            { "status", Plain(i.Status.ToString().ToLowerInvariant()) },
            { "names", Names(i.Names) },
        };
        AddText(node, "description", i.Description);
        AddText(node, "include_criteria", i.IncludeCriteria);
        AddText(node, "exclude_criteria", i.ExcludeCriteria);
        if (i.Examples.Count > 0) node.Add("examples", new YamlSequenceNode(i.Examples.Select(Text)));
        AddText(node, "guide", i.GuideRef);
        AddText(node, "replaced_by", i.ReplacedBy);
        return node;
    }

    private static YamlMappingNode Names(IReadOnlyDictionary<string, string> names)
    {
        var node = new YamlMappingNode();
        foreach (var (locale, name) in names.OrderBy(n => n.Key == "en" ? "" : n.Key, StringComparer.Ordinal))
            node.Add(locale, Text(name));
        return node;
    }

    private static void AddText(YamlMappingNode node, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) node.Add(key, Text(value));
    }

    private static YamlScalarNode Plain(string value) => new(value);

    private static YamlScalarNode Text(string value)
    {
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal);
        var style = text.Contains('\n') ? ScalarStyle.Literal
            : text.Length == 0 || LooksTyped().IsMatch(text) ? ScalarStyle.SingleQuoted
            : ScalarStyle.Any;
        return new YamlScalarNode(text) { Style = style };
    }
}
