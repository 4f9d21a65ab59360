using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Changes;

namespace PuoAiOps.Application.Taxonomy.Forms;

// The proposal forms of the console, and how each becomes a change payload. A form holds every
// field; the payload carries only what differs from the intent the curator saw, plus that intent's
// version token, so an intent changed meanwhile is a conflict, not an overwrite.

/// <summary>One intent to create (the add form, each row of the split form).</summary>
public sealed class IntentDraftForm
{
    public string? Key { get; set; }
    public Dictionary<string, string> Names { get; set; } = new(StringComparer.Ordinal);
    public string? Description { get; set; }
    public string? IncludeCriteria { get; set; }
    public string? ExcludeCriteria { get; set; }
    /// <summary>One example question per line.</summary>
    public string? Examples { get; set; }
    public string? GuideRef { get; set; }
    /// <summary>Split rows only: comma- or line-separated keywords that route a question to this intent.</summary>
    public string? Keywords { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Key) && FormValues.CleanNames(Names).Count == 0 && string.IsNullOrWhiteSpace(Description)
        && string.IsNullOrWhiteSpace(Keywords) && string.IsNullOrWhiteSpace(Examples);

    public IntentDraft ToDraft() => new()
    {
        Key = FormValues.Trim(Key),
        Names = FormValues.CleanNames(Names),
        Description = FormValues.Text(Description),
        IncludeCriteria = FormValues.Text(IncludeCriteria),
        ExcludeCriteria = FormValues.Text(ExcludeCriteria),
        Examples = FormValues.Lines(Examples),
        GuideRef = FormValues.Blank(GuideRef),
    };
}

public sealed class AddIntentForm
{
    /// <summary>Value of the domain choice for "a new domain".</summary>
    public const string NewDomainOption = "+new";

    public string? DomainKey { get; set; }
    public string? NewDomainKey { get; set; }
    public Dictionary<string, string> NewDomainNames { get; set; } = new(StringComparer.Ordinal);
    public IntentStatus Status { get; set; } = IntentStatus.Active;
    public IntentDraftForm Intent { get; set; } = new();

    public bool IsNewDomain => DomainKey == NewDomainOption;

    public AddIntentPayload ToPayload() => new()
    {
        DomainKey = IsNewDomain ? FormValues.Trim(NewDomainKey) : FormValues.Trim(DomainKey),
        NewDomain = IsNewDomain ? new NewDomain { Key = FormValues.Trim(NewDomainKey), Names = FormValues.CleanNames(NewDomainNames) } : null,
        Intent = Intent.ToDraft(),
        Status = Status == IntentStatus.Draft ? IntentStatus.Draft : IntentStatus.Active,
    };
}

public sealed class RenameIntentForm
{
    public string? NewKey { get; set; }
    public Dictionary<string, string> Names { get; set; } = new(StringComparer.Ordinal);

    public static RenameIntentForm For(IntentDetails current) => new()
    {
        NewKey = current.Key,
        Names = new Dictionary<string, string>(current.Names, StringComparer.Ordinal),
    };

    public RenameIntentPayload ToPayload(IntentDetails current)
    {
        var key = FormValues.Trim(NewKey);
        var names = FormValues.ChangedNames(current.Names, Names);
        return new RenameIntentPayload
        {
            IntentId = current.Id,
            NewKey = key.Length == 0 || key == current.Key ? null : key,
            Names = names.Count == 0 ? null : names,
            ExpectedVersion = current.Version,
        };
    }
}

public sealed class EditIntentForm
{
    public string? Description { get; set; }
    public string? IncludeCriteria { get; set; }
    public string? ExcludeCriteria { get; set; }
    public string? Examples { get; set; }
    public string? GuideRef { get; set; }
    public string? DomainKey { get; set; }
    public IntentStatus Status { get; set; }

    public static EditIntentForm For(IntentDetails current) => new()
    {
        Description = current.Description,
        IncludeCriteria = current.IncludeCriteria,
        ExcludeCriteria = current.ExcludeCriteria,
        Examples = string.Join("\n", current.Examples),
        GuideRef = current.GuideRef,
        DomainKey = current.DomainKey,
        Status = current.Status,
    };

    public EditIntentPayload ToPayload(IntentDetails current)
    {
        var examples = FormValues.Lines(Examples);
        return new EditIntentPayload
        {
            IntentId = current.Id,
            Description = FormValues.Changed(Description, current.Description),
            IncludeCriteria = FormValues.Changed(IncludeCriteria, current.IncludeCriteria),
            ExcludeCriteria = FormValues.Changed(ExcludeCriteria, current.ExcludeCriteria),
            Examples = examples.SequenceEqual(current.Examples) ? null : examples,
            GuideRef = FormValues.Trim(GuideRef) == (current.GuideRef ?? "") ? null : FormValues.Trim(GuideRef),
            DomainKey = string.IsNullOrWhiteSpace(DomainKey) || DomainKey == current.DomainKey ? null : DomainKey.Trim(),
            Status = Status == current.Status ? null : Status,
            ExpectedVersion = current.Version,
        };
    }
}
