using System.Text.RegularExpressions;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// Fills a script's <c>{{placeholders}}</c> from the request's context, then the variable's default.
/// A required variable with neither leaves the script unusable (the pipeline moves on), so a user
/// never sees a raw placeholder.
/// </summary>
public static partial class ScriptFiller
{
    public sealed record Filled(string? Text, IReadOnlyList<string> Missing);

    public static Filled Fill(string body, IReadOnlyList<ScriptVariable> variables, IReadOnlyDictionary<string, string> context)
    {
        var declared = variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var missing = new List<string>();
        var text = Placeholder().Replace(body, m =>
        {
            var name = m.Groups[1].Value;
            if (context.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)) return value.Trim();
            if (declared.TryGetValue(name, out var variable) && variable.Default is { Length: > 0 } fallback) return fallback;
            if (declared.TryGetValue(name, out variable) && !variable.Required) return "";
            missing.Add(name);
            return m.Value;
        });
        return missing.Count == 0 ? new Filled(text.Trim(), []) : new Filled(null, missing);
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
