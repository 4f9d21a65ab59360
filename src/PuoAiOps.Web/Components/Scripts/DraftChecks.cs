using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Web.Components.Scripts;

/// <summary>What the draft form checks at the field before sending (the services check the same again).</summary>
public enum DraftProblem { TitleRequired, BodyRequired, BodyTooLong, VariableName, VariableDuplicate, VariableDefault }

public static class DraftChecks
{
    /// <summary>The longest body the service stores (longer is refused, not linted).</summary>
    public const int MaxBodyLength = ScriptLinter.MaxAnalysedLength;

    public static DraftProblem? Title(string? title) => string.IsNullOrWhiteSpace(title) ? DraftProblem.TitleRequired : null;

    public static DraftProblem? Body(string? body) =>
        string.IsNullOrWhiteSpace(body) ? DraftProblem.BodyRequired : body.Length > MaxBodyLength ? DraftProblem.BodyTooLong : null;

    public static DraftProblem? Name(VariableRow row, IEnumerable<VariableRow> all) =>
        !ScriptPlaceholders.IsValidName(row.Name.Trim()) ? DraftProblem.VariableName
        : all.Count(v => v.Name.Trim() == row.Name.Trim()) > 1 ? DraftProblem.VariableDuplicate
        : null;

    /// <summary>A default that does not fit its type (the declaration rule of <see cref="ScriptVariable.Validate"/>).</summary>
    public static DraftProblem? Default(VariableRow row) =>
        string.IsNullOrWhiteSpace(row.Default) ? null
        : ScriptVariable.Validate([row.ToVariable() with { Name = "value" }]).Count > 0 ? DraftProblem.VariableDefault
        : null;

    public static bool AnyProblem(DraftModel model, bool checkTitle) =>
        (checkTitle && Title(model.Title) is not null) || Body(model.Body) is not null
        || model.Variables.Any(v => Name(v, model.Variables) is not null || Default(v) is not null);
}
