using PuoAiOps.Application.Common.Yaml;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// Reads a script file: a YAML or JSON list of {intent, locale, channel, body, variables, ...}.
/// Every problem is collected with the item's index and line, as a code (<see cref="ScriptFileMessage"/>; its
/// <see cref="CodedMessage.English"/> is what the CLI prints); any problem means no items.
/// Checks that need the workspace (intents, open drafts, style limits) are the importer's.
/// </summary>
public static class ScriptFileReader
{
    public static (IReadOnlyList<ScriptFileItem> Items, IReadOnlyList<CodedMessage> Errors) Read(string text)
    {
        List<int> lines;
        var parser = new TrackingParser(SafeYaml.Parser(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0) return ([], [CodedMessage.Of(ScriptFileMessage.FileEmpty)]);
            if (stream.Documents[0].RootNode is not YamlSequenceNode list) return ([], [CodedMessage.Of(ScriptFileMessage.NotAList)]);
            lines = list.Children.Select(c => (int)c.Start.Line).ToList();
        }
        catch (YamlRefusedException ex)
        {
            return ([], [CodedMessage.Of(ScriptFileMessage.AtLine, ex.Line, ex.Refusal)]);
        }
        catch (YamlException ex)
        {
            return ([], [CodedMessage.Of(ScriptFileMessage.Malformed, (int)ex.Start.Line, (int)ex.Start.Column, SafeYaml.ParserText(ex))]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some broken input, without a position: the last good event's line stands in.
            return ([], [CodedMessage.Of(ScriptFileMessage.MalformedNearLine, (int)Math.Max(1, parser.LastEnd.Line))]);
        }

        List<ScriptFileDto?> dtos;
        try
        {
            dtos = SafeYaml.Deserialize<List<ScriptFileDto?>>(ScriptYaml.Deserializer, text) ?? [];
        }
        catch (YamlException ex)
        {
            return ([], [CodedMessage.Of(ScriptFileMessage.EntryUnreadable, (int)ex.Start.Line, SafeYaml.ParserText(ex.InnerException ?? ex))]);
        }

        var errors = new List<CodedMessage>();
        var items = new List<ScriptFileItem>();
        for (var i = 0; i < dtos.Count; i++)
        {
            var index = i;
            void Error(CodedMessage problem) => errors.Add(CodedMessage.Of(ScriptFileMessage.AtItem, index, lines[index], problem));
            if (dtos[i] is not { } d)
            {
                Error(CodedMessage.Of(ScriptFileMessage.EmptyEntry));
                continue;
            }
            if (string.IsNullOrWhiteSpace(d.Intent)) Error(CodedMessage.Of(ScriptFileMessage.IntentMissing));
            if (string.IsNullOrWhiteSpace(d.Body)) Error(CodedMessage.Of(ScriptFileMessage.BodyMissing));
            var locale = d.Locale?.Trim() ?? "";
            var channel = d.Channel?.Trim() ?? "";
            if (ScriptInputRules.LocaleProblem(locale) is { } badLocale) Error(badLocale);
            if (ScriptInputRules.ChannelProblem(channel) is { } badChannel) Error(badChannel);
            var variables = new List<ScriptVariable>();
            foreach (var v in d.Variables ?? [])
            {
                var type = v.Type is null ? ScriptVariableType.Text : ScriptVariable.ParseType(v.Type);
                if (type is null)
                {
                    Error(CodedMessage.Of(ScriptFileMessage.UnknownVariableType, v.Name ?? "", v.Type ?? "", string.Join(", ", ScriptVariable.TypeNames)));
                    continue;
                }
                variables.Add(new ScriptVariable(v.Name?.Trim() ?? "", type.Value, v.Required ?? true, v.Default));
            }
            foreach (var problem in ScriptVariable.Problems(variables)) Error(problem);
            items.Add(new ScriptFileItem(i, lines[i], d.Intent?.Trim() ?? "", locale, channel,
                string.IsNullOrWhiteSpace(d.Title) ? d.Intent?.Trim() ?? "" : d.Title.Trim(), d.Body?.Trim() ?? "",
                variables, d.Tags ?? [], d.SopLinks ?? []));
        }
        return errors.Count == 0 ? (items, []) : ([], errors);
    }
}
