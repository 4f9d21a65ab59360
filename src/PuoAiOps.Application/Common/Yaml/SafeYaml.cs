using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PuoAiOps.Application.Common.Yaml;

/// <summary>
/// The one way the console and the command line read YAML (taxonomy files, prompt files, the demo
/// content). YAML lets a 13 KB file of nested anchors and aliases stand for billions of nodes; the
/// parser returned here refuses every anchor and alias the moment it meets one, before a single
/// node is built or expanded, and caps the nodes and nesting a file may have, so time and memory
/// stay proportional to the file's size. None of our formats needs anchors: values are written out.
/// </summary>
public static partial class SafeYaml
{
    /// <summary>Nodes (scalars, lists, mappings) one file may hold: a whole taxonomy has a few thousand.</summary>
    public const int MaxNodes = 250_000;

    /// <summary>Nesting depth one file may reach: our formats need fewer than ten levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>A parser over <paramref name="text"/> that throws <see cref="YamlRefusedException"/> on anchors, aliases and oversized files.</summary>
    public static IParser Parser(string text) => Parser(new StringReader(text));

    public static IParser Parser(TextReader reader, int maxNodes = MaxNodes, int maxDepth = MaxDepth) =>
        new GuardedYamlParser(new Parser(reader), maxNodes, maxDepth);

    /// <summary>Deserialises <paramref name="text"/> through the guarded parser.</summary>
    public static T Deserialize<T>(IDeserializer deserializer, string text)
    {
        ArgumentNullException.ThrowIfNull(deserializer);
        return deserializer.Deserialize<T>(Parser(text));
    }

    /// <summary>
    /// The parser's own (English) sentence without its "(Line: .., Col: .., Idx: ..) - (...): " prefix: readers
    /// report the line and column as arguments of their own coded message and keep this only as a detail.
    /// </summary>
    public static string ParserText(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is YamlRefusedException refused ? refused.Reason : PositionPrefix().Replace(exception.Message, "").Trim();
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
