using PuoAiOps.Application.Common.Yaml;
using PuoAiOps.Core.Scripts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// Reads a script file: a YAML or JSON list of {intent, locale, channel, body, variables, ...}.
/// Every problem is collected with the item's index and line; any problem means no items.
/// Checks that need the workspace (intents, open drafts, style limits) are the importer's.
/// </summary>
public static class ScriptFileReader
{
    public static (IReadOnlyList<ScriptFileItem> Items, IReadOnlyList<string> Errors) Read(string text)
    {
        List<int> lines;
        try
        {
            var stream = new YamlStream();
            stream.Load(SafeYaml.Parser(text));
            if (stream.Documents.Count == 0) return ([], ["The file is empty: it must be a list of scripts."]);
            if (stream.Documents[0].RootNode is not YamlSequenceNode list)
                return ([], ["The file must be a list of scripts (- intent: ..., locale: ..., channel: ..., body: ...), not a single mapping or value."]);
            lines = list.Children.Select(c => (int)c.Start.Line).ToList();
        }
        catch (YamlRefusedException ex)
        {
            return ([], [$"line {ex.Start.Line}: {ex.Message}"]);
        }
        catch (YamlException ex)
        {
            return ([], [$"line {ex.Start.Line}: not valid YAML or JSON: {ex.Message}"]);
        }

        List<ScriptFileDto?> dtos;
        try
        {
            dtos = SafeYaml.Deserialize<List<ScriptFileDto?>>(ScriptYaml.Deserializer, text) ?? [];
        }
        catch (YamlException ex)
        {
            return ([], [$"line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message} (fields: intent, locale, channel, title, body, variables, tags, sop_links)"]);
        }

        var errors = new List<string>();
        var items = new List<ScriptFileItem>();
        for (var i = 0; i < dtos.Count; i++)
        {
            var where = $"item {i} (line {lines[i]})";
            if (dtos[i] is not { } d)
            {
                errors.Add($"{where}: empty entry.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(d.Intent)) errors.Add($"{where}: 'intent' is missing.");
            if (string.IsNullOrWhiteSpace(d.Body)) errors.Add($"{where}: 'body' is missing.");
            var locale = d.Locale?.Trim() ?? "";
            var channel = d.Channel?.Trim() ?? "";
            if (!ScriptLocales.IsKnown(locale)) errors.Add($"{where}: unknown locale '{locale}'; use one of: {string.Join(", ", ScriptLocales.All)}.");
            if (!ScriptChannels.IsKnown(channel)) errors.Add($"{where}: unknown channel '{channel}'; use one of: {string.Join(", ", ScriptChannels.All)}.");
            var variables = new List<ScriptVariable>();
            foreach (var v in d.Variables ?? [])
            {
                var type = v.Type is null ? ScriptVariableType.Text : ScriptVariable.ParseType(v.Type);
                if (type is null)
                {
                    errors.Add($"{where}: variable '{v.Name}' has unknown type '{v.Type}'; use one of: {string.Join(", ", ScriptVariable.TypeNames)}.");
                    continue;
                }
                variables.Add(new ScriptVariable(v.Name?.Trim() ?? "", type.Value, v.Required ?? true, v.Default));
            }
            errors.AddRange(ScriptVariable.Validate(variables).Select(p => $"{where}: {p}"));
            items.Add(new ScriptFileItem(i, lines[i], d.Intent?.Trim() ?? "", locale, channel,
                string.IsNullOrWhiteSpace(d.Title) ? d.Intent?.Trim() ?? "" : d.Title.Trim(), d.Body?.Trim() ?? "",
                variables, d.Tags ?? [], d.SopLinks ?? []));
        }
        return errors.Count == 0 ? (items, []) : ([], errors);
    }
}
