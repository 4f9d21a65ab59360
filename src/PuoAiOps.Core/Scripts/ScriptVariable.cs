using System.Globalization;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Scripts;

public enum ScriptVariableType { Text, Number, Date, Money, Url }

/// <summary>A variable a script declares: what fills <c>{{name}}</c>, whether the bot must have it, and what to use without it.</summary>
public sealed record ScriptVariable(string Name, ScriptVariableType Type = ScriptVariableType.Text, bool Required = true, string? Default = null)
{
    /// <summary>The lower-case names accepted in files and forms (text, number, date, money, url).</summary>
    public static IReadOnlyList<string> TypeNames { get; } =
        Enum.GetValues<ScriptVariableType>().Select(t => t.ToString().ToLowerInvariant()).ToList();

    /// <summary>Parses a type name; null when unknown.</summary>
    public static ScriptVariableType? ParseType(string? name) =>
        name is not null && Enum.TryParse<ScriptVariableType>(name.Trim(), ignoreCase: true, out var t) && Enum.IsDefined(t) && !name.Trim().All(char.IsDigit)
            ? t : null;

    /// <summary>Every problem with a declaration list (bad or duplicate names, defaults that do not fit their type).</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<ScriptVariable> variables) => Problems(variables).Select(p => p.English).ToList();

    /// <summary>The declaration problems as codes with arguments (<see cref="Validate"/> gives their English).</summary>
    public static IReadOnlyList<CodedMessage> Problems(IReadOnlyList<ScriptVariable> variables)
    {
        var problems = new List<CodedMessage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in variables)
        {
            if (!ScriptPlaceholders.IsValidName(v.Name))
                problems.Add(CodedMessage.Of(LintMessage.VariableNameInvalid, v.Name));
            else if (!seen.Add(v.Name))
                problems.Add(CodedMessage.Of(LintMessage.VariableDeclaredTwice, v.Name));
            if (!Enum.IsDefined(v.Type))
                problems.Add(CodedMessage.Of(LintMessage.VariableTypeUnknown, v.Name, string.Join(", ", TypeNames)));
            else if (v.Default is { Length: > 0 } d && !Fits(v.Type, d))
                problems.Add(CodedMessage.Of(LintMessage.VariableDefaultInvalid, v.Name, d, v.Type.ToString().ToLowerInvariant()));
        }
        return problems;
    }

    private static bool Fits(ScriptVariableType type, string value) => type switch
    {
        ScriptVariableType.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        ScriptVariableType.Money => decimal.TryParse(value.TrimStart('$', '¥', '€', '£'), NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        ScriptVariableType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        ScriptVariableType.Url => Uri.TryCreate(value, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp),
        _ => true,
    };
}
