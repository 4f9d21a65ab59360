using System.Globalization;
using PuoAiOps.Application.Common.Yaml;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Taxonomy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PuoAiOps.Application.Taxonomy.Yaml;

/// <summary>
/// Reads a taxonomy file into a document, collecting every problem with its line: malformed YAML,
/// unknown or misplaced fields, bad keys, duplicate keys, missing names, bad guide references.
/// Checks that need the database (unknown domains, replacements that exist nowhere) are the importer's.
/// </summary>
public static class TaxonomyYamlReader
{
    private const int MaxErrors = 100;
    private static readonly string[] RootFields = ["format", "domains"];
    private static readonly string[] DomainFields = ["key", "names", "description", "sort_order", "intents"];
    private static readonly string[] IntentFields =
        ["key", "status", "names", "description", "include_criteria", "exclude_criteria", "examples", "guide", "replaced_by"];

    public static (TaxonomyDocument? Document, IReadOnlyList<TaxonomyYamlError> Errors) Read(string text)
    {
        var errors = new List<TaxonomyYamlError>();
        var stream = new YamlStream();
        var parser = new TrackingParser(SafeYaml.Parser(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlRefusedException ex)
        {
            return (null, [new(ex.Line, (int)ex.Start.Column, ex.Refusal)]);
        }
        catch (YamlException ex)
        {
            // An unclosed bracket or quote is noticed at the end of the input, past the last line; point at the last line instead.
            // The line and column are the message's arguments; the parser's English sentence is only its detail.
            var line = (int)Math.Min(ex.Start.Line, LastLine(text));
            var detail = SafeYaml.ParserText(ex);
            return (null, [line == ex.Start.Line
                ? new(line, (int)ex.Start.Column, CodedMessage.Of(TaxonomyYamlMessage.MalformedYaml, line, (int)ex.Start.Column, detail))
                : new(line, 0, CodedMessage.Of(TaxonomyYamlMessage.MalformedYamlAtEnd, detail))]);
        }
        catch (InvalidOperationException)
        {
            return (null, [new((int)Math.Max(1, parser.LastEnd.Line), 0, CodedMessage.Of(TaxonomyYamlMessage.MalformedNearHere))]);
        }
        if (stream.Documents.Count != 1)
            return (null, [new(1, 0, CodedMessage.Of(stream.Documents.Count == 0 ? TaxonomyYamlMessage.FileEmpty : TaxonomyYamlMessage.SeveralDocuments))]);

        var ctx = new Context(errors);
        var document = ctx.ReadRoot(stream.Documents[0].RootNode);
        if (errors.Count == 0) return (document, errors);
        // A node's mark can sit past the file's last line (after a trailing break the parser counts differently):
        // every problem names a line of the file, the last one then, as the parse-error path does.
        var last = LastLine(text);
        return (null, errors.Take(MaxErrors).Select(e => e.Line <= last ? e : e with { Line = last, Column = 0 }).OrderBy(e => e.Line).ToList());
    }

    private static int LastLine(string text)
    {
        var lines = text.AsSpan().TrimEnd("\r\n").Count('\n') + 1;
        return Math.Max(1, lines);
    }

    private sealed class Context(List<TaxonomyYamlError> errors)
    {
        private readonly Dictionary<string, int> _intentLines = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _domainLines = new(StringComparer.Ordinal);

        public TaxonomyDocument? ReadRoot(YamlNode node)
        {
            if (node is not YamlMappingNode root) return Fail<TaxonomyDocument>(node, CodedMessage.Of(TaxonomyYamlMessage.RootNotMapping));
            CheckFields(root, RootFields, TaxonomyYamlMessage.InTheFile);
            var format = Scalar(root, "format");
            if (format is not null && format != TaxonomyDocument.Format)
                Error(Child(root, "format")!, CodedMessage.Of(TaxonomyYamlMessage.UnsupportedFormat, format, TaxonomyDocument.Format));
            if (Child(root, "domains") is not YamlSequenceNode list)
                return Fail<TaxonomyDocument>(Child(root, "domains") ?? root, CodedMessage.Of(TaxonomyYamlMessage.DomainsNotList));
            var domains = list.Children.Select(ReadDomain).OfType<DomainDocument>().ToList();
            CheckReplacements(domains);
            return new TaxonomyDocument(domains);
        }

        private DomainDocument? ReadDomain(YamlNode node)
        {
            if (node is not YamlMappingNode map) return Fail<DomainDocument>(node, CodedMessage.Of(TaxonomyYamlMessage.DomainNotMapping));
            CheckFields(map, DomainFields, TaxonomyYamlMessage.InADomain);
            var key = Scalar(map, "key") ?? "";
            if (TaxonomyKeys.DomainKeyProblem(key) is { } keyError) Error(Child(map, "key") ?? map, keyError);
            else if (_domainLines.TryGetValue(key, out var first)) Error(Child(map, "key")!, CodedMessage.Of(TaxonomyYamlMessage.DuplicateDomainKey, key, first));
            else _domainLines[key] = Line(map);

            var names = Child(map, "names") is null ? null : Names(map);
            if (names is not null) Report(map, "names", b => DraftRules.CheckNewNames(names, "names", b));
            var sort = 0;
            if (Scalar(map, "sort_order") is { } s && !int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out sort))
                Error(Child(map, "sort_order")!, CodedMessage.Of(TaxonomyYamlMessage.SortOrderNotNumber, s));
            List<IntentDocument> intents = Child(map, "intents") switch
            {
                null or YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" } => [],
                YamlSequenceNode seq => seq.Children.Select(ReadIntent).OfType<IntentDocument>().ToList(),
                var other => Fail<List<IntentDocument>>(other, CodedMessage.Of(TaxonomyYamlMessage.IntentsNotList)) ?? [],
            };
            return new DomainDocument
            {
                Key = key, Names = names, Description = Scalar(map, "description") ?? "", SortOrder = sort, Intents = intents, Line = Line(map),
            };
        }

        private IntentDocument? ReadIntent(YamlNode node)
        {
            if (node is not YamlMappingNode map) return Fail<IntentDocument>(node, CodedMessage.Of(TaxonomyYamlMessage.IntentNotMapping));
            CheckFields(map, IntentFields, TaxonomyYamlMessage.InAnIntent);
            var key = Scalar(map, "key") ?? "";
            if (TaxonomyKeys.IntentKeyProblem(key) is { } keyError) Error(Child(map, "key") ?? map, keyError);
            else if (_intentLines.TryGetValue(key, out var first)) Error(Child(map, "key")!, CodedMessage.Of(TaxonomyYamlMessage.DuplicateIntentKey, key, first));
            else _intentLines[key] = Line(map);

            var status = IntentStatus.Active;
            if (Scalar(map, "status") is { } s)
            {
                var parsed = Enum.GetValues<IntentStatus>().Where(v => string.Equals(v.ToString(), s, StringComparison.OrdinalIgnoreCase)).ToList();
                if (parsed.Count == 1) status = parsed[0];
                else Error(Child(map, "status")!, CodedMessage.Of(TaxonomyYamlMessage.BadStatus, s));
            }
            var names = Names(map) ?? new Dictionary<string, string>();
            var intent = new IntentDocument
            {
                Key = key, Status = status, Names = names,
                Description = Scalar(map, "description") ?? "",
                IncludeCriteria = Scalar(map, "include_criteria") ?? "",
                ExcludeCriteria = Scalar(map, "exclude_criteria") ?? "",
                Examples = Examples(map),
                GuideRef = Scalar(map, "guide"),
                ReplacedBy = Scalar(map, "replaced_by"),
                Line = Line(map),
            };
            Report(map, "names", b => DraftRules.CheckNewNames(names, "names", b));
            Report(map, "examples", b => DraftRules.CheckExamples(intent.Examples, "examples", b));
            Report(map, "guide", b => b.AddIf("guide", GuideReference.Validate(intent.GuideRef)));
            foreach (var field in new[] { "description", "include_criteria", "exclude_criteria" })
                Report(map, field, b => DraftRules.CheckText(Scalar(map, field), field, b));
            if (intent.ReplacedBy is not null && status != IntentStatus.Deprecated)
                Error(Child(map, "replaced_by")!, CodedMessage.Of(TaxonomyYamlMessage.ReplacedByNotDeprecated));
            return intent;
        }

        /// <summary>replaced_by names must be keys of this file; keys only in the database are accepted by the importer.</summary>
        private void CheckReplacements(List<DomainDocument> domains)
        {
            foreach (var intent in domains.SelectMany(d => d.Intents).Where(i => i.ReplacedBy == i.Key && i.ReplacedBy is not null))
                errors.Add(new(intent.Line, 0, CodedMessage.Of(TaxonomyYamlMessage.ReplacesItself, intent.Key)));
        }

        private Dictionary<string, string>? Names(YamlMappingNode map)
        {
            var node = Child(map, "names");
            if (node is null) return null;
            if (node is not YamlMappingNode names) return Fail<Dictionary<string, string>>(node, CodedMessage.Of(TaxonomyYamlMessage.NamesNotMapping));
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in names.Children)
            {
                if (k is not YamlScalarNode locale || v is not YamlScalarNode name) { Error(k, CodedMessage.Of(TaxonomyYamlMessage.NameNotPair)); continue; }
                result[locale.Value ?? ""] = (name.Value ?? "").Trim();
            }
            return result;
        }

        private List<string> Examples(YamlMappingNode map)
        {
            var node = Child(map, "examples");
            if (node is null) return [];
            if (node is not YamlSequenceNode seq) return Fail<List<string>>(node, CodedMessage.Of(TaxonomyYamlMessage.ExamplesNotList)) ?? [];
            var result = new List<string>();
            foreach (var item in seq.Children)
            {
                if (item is YamlScalarNode scalar) result.Add(Normalize(scalar.Value ?? ""));
                else Error(item, CodedMessage.Of(TaxonomyYamlMessage.ExampleNotText));
            }
            return result;
        }

        private void Report(YamlMappingNode map, string field, Action<ErrorBag> check)
        {
            var bag = new ErrorBag();
            check(bag);
            foreach (var (_, text, code) in bag.Entries)
            {
                var node = Child(map, field) ?? map;
                errors.Add(code is null ? new(Line(node), (int)node.Start.Column, text) : new(Line(node), (int)node.Start.Column, code));
            }
        }

        private void CheckFields(YamlMappingNode map, string[] known, TaxonomyYamlMessage what)
        {
            foreach (var key in map.Children.Keys)
                if (key is not YamlScalarNode { Value: { } name } || !known.Contains(name, StringComparer.Ordinal))
                    Error(key, CodedMessage.Of(TaxonomyYamlMessage.UnknownField, (key as YamlScalarNode)?.Value ?? "", CodedMessage.Of(what), string.Join(", ", known)));
        }

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        /// <summary>A text field; a plain empty, "~" or "null" value means absent, as in YAML itself.</summary>
        private string? Scalar(YamlMappingNode map, string key)
        {
            var node = Child(map, key);
            if (node is null) return null;
            if (node is not YamlScalarNode scalar) return Fail<string>(node, CodedMessage.Of(TaxonomyYamlMessage.NotText, key, CodedMessage.Of(node is YamlSequenceNode ? TaxonomyYamlMessage.KindList : TaxonomyYamlMessage.KindMapping)));
            if (scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null") return null;
            return Normalize(scalar.Value ?? "");
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

        private static int Line(YamlNode node) => (int)node.Start.Line;

        private T? Fail<T>(YamlNode node, CodedMessage message) where T : class
        {
            Error(node, message);
            return null;
        }

        private void Error(YamlNode node, CodedMessage message) => errors.Add(new(Line(node), (int)node.Start.Column, message));
    }
}
