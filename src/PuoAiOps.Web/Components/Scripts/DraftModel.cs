using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Web.Components.Scripts;

/// <summary>One declared variable as the form edits it.</summary>
public sealed class VariableRow
{
    public string Name { get; set; } = "";
    public ScriptVariableType Type { get; set; } = ScriptVariableType.Text;
    public bool Required { get; set; } = true;
    public string? Default { get; set; }

    public ScriptVariable ToVariable() => new(Name.Trim(), Type, Required, string.IsNullOrWhiteSpace(Default) ? null : Default.Trim());
}

/// <summary>What the draft form edits: the script's title and tags, and the version's body, variables, SOP links and date.</summary>
public sealed class DraftModel
{
    public string Title { get; set; } = "";
    public string Tags { get; set; } = "";
    public string Body { get; set; } = "";
    public List<VariableRow> Variables { get; set; } = [];
    public string SopLinks { get; set; } = "";
    public DateTime? EffectiveFrom { get; set; }

    public static DraftModel From(ScriptSummary script, VersionView? version) => new()
    {
        Title = script.Title,
        Tags = string.Join(", ", script.Tags),
        Body = version?.Body ?? "",
        Variables = (version?.Variables ?? []).Select(v => new VariableRow { Name = v.Name, Type = v.Type, Required = v.Required, Default = v.Default }).ToList(),
        SopLinks = string.Join(", ", version?.SopLinks ?? []),
        EffectiveFrom = version?.EffectiveFrom,
    };

    public IReadOnlyList<string> TagList() => Split(Tags);

    public DraftInput ToDraft(Guid? expectedStamp) =>
        new(Body, Variables.Select(v => v.ToVariable()).ToList(), Split(SopLinks), EffectiveFrom, expectedStamp);

    /// <summary>True when the version fields differ from <paramref name="other"/> (title and tags are compared separately).</summary>
    public bool VersionDiffers(DraftModel other) =>
        Body.ReplaceLineEndings("\n").Trim() != other.Body.ReplaceLineEndings("\n").Trim()
        || !Variables.Select(v => v.ToVariable()).SequenceEqual(other.Variables.Select(v => v.ToVariable()))
        || !Split(SopLinks).SequenceEqual(Split(other.SopLinks))
        || EffectiveFrom != other.EffectiveFrom;

    public bool DetailsDiffer(DraftModel other) => Title.Trim() != other.Title.Trim() || !TagList().SequenceEqual(other.TagList());

    public DraftModel Copy() => new()
    {
        Title = Title, Tags = Tags, Body = Body, SopLinks = SopLinks, EffectiveFrom = EffectiveFrom,
        Variables = Variables.Select(v => new VariableRow { Name = v.Name, Type = v.Type, Required = v.Required, Default = v.Default }).ToList(),
    };

    private static List<string> Split(string text) =>
        text.Split([',', '\n', ' ', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
