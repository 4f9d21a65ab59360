using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Taxonomy;

// The proposal forms as posted (bound with [FromForm]) and how each becomes a change payload.
// Forms post every field; the payload carries only what differs from the intent the curator saw,
// plus that intent's version token, so an intent changed meanwhile is a conflict, not an overwrite.

/// <summary>One intent to create (the add form, each row of the split form).</summary>
public sealed class IntentDraftInput
{
    public string? Key { get; set; }
    public Dictionary<string, string>? Names { get; set; }
    public string? Description { get; set; }
    public string? IncludeCriteria { get; set; }
    public string? ExcludeCriteria { get; set; }
    /// <summary>One example question per line.</summary>
    public string? Examples { get; set; }
    public string? GuideRef { get; set; }
    /// <summary>Split rows only: comma- or line-separated keywords that route a question to this intent.</summary>
    public string? Keywords { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Key) && FormText.CleanNames(Names).Count == 0 && string.IsNullOrWhiteSpace(Description)
        && string.IsNullOrWhiteSpace(Keywords) && string.IsNullOrWhiteSpace(Examples);

    public IntentDraft ToDraft() => new()
    {
        Key = FormText.Trim(Key),
        Names = FormText.CleanNames(Names),
        Description = FormText.Text(Description),
        IncludeCriteria = FormText.Text(IncludeCriteria),
        ExcludeCriteria = FormText.Text(ExcludeCriteria),
        Examples = FormText.Lines(Examples),
        GuideRef = FormText.Blank(GuideRef),
    };
}

public sealed class AddIntentInput
{
    /// <summary>Marker value of the domain select for "a new domain".</summary>
    public const string NewDomainOption = "+new";

    public string? DomainKey { get; set; }
    public string? NewDomainKey { get; set; }
    public Dictionary<string, string>? NewDomainNames { get; set; }
    public string? Status { get; set; }
    public IntentDraftInput Intent { get; set; } = new();

    public AddIntentPayload ToPayload()
    {
        var isNew = DomainKey == NewDomainOption;
        return new AddIntentPayload
        {
            DomainKey = isNew ? FormText.Trim(NewDomainKey) : FormText.Trim(DomainKey),
            NewDomain = isNew ? new NewDomain { Key = FormText.Trim(NewDomainKey), Names = FormText.CleanNames(NewDomainNames) } : null,
            Intent = Intent.ToDraft(),
            Status = Status == nameof(IntentStatus.Draft) ? IntentStatus.Draft : IntentStatus.Active,
        };
    }
}

public sealed class RenameIntentInput
{
    public int IntentId { get; set; }
    public Guid? Version { get; set; }
    public string? NewKey { get; set; }
    public Dictionary<string, string>? Names { get; set; }

    public RenameIntentPayload ToPayload(IntentDetails current)
    {
        var key = FormText.Trim(NewKey);
        var names = FormText.ChangedNames(current.Names, Names);
        return new RenameIntentPayload
        {
            IntentId = current.Id,
            NewKey = key.Length == 0 || key == current.Key ? null : key,
            Names = names.Count == 0 ? null : names,
            ExpectedVersion = Version,
        };
    }
}

public sealed class EditIntentInput
{
    public int IntentId { get; set; }
    public Guid? Version { get; set; }
    public string? Description { get; set; }
    public string? IncludeCriteria { get; set; }
    public string? ExcludeCriteria { get; set; }
    public string? Examples { get; set; }
    public string? GuideRef { get; set; }
    public string? DomainKey { get; set; }
    public string? Status { get; set; }

    public EditIntentPayload ToPayload(IntentDetails current)
    {
        var examples = FormText.Lines(Examples);
        var status = Enum.TryParse<IntentStatus>(Status, out var s) ? s : current.Status;
        return new EditIntentPayload
        {
            IntentId = current.Id,
            Description = FormText.Changed(Description, current.Description),
            IncludeCriteria = FormText.Changed(IncludeCriteria, current.IncludeCriteria),
            ExcludeCriteria = FormText.Changed(ExcludeCriteria, current.ExcludeCriteria),
            Examples = examples.SequenceEqual(current.Examples) ? null : examples,
            GuideRef = FormText.Trim(GuideRef) == (current.GuideRef ?? "") ? null : FormText.Trim(GuideRef),
            DomainKey = string.IsNullOrWhiteSpace(DomainKey) || DomainKey == current.DomainKey ? null : DomainKey.Trim(),
            Status = status == current.Status ? null : status,
            ExpectedVersion = Version,
        };
    }
}

public sealed class MergeIntentsInput
{
    public List<int> SourceIds { get; set; } = [];
    public int? TargetId { get; set; }

    public MergeIntentsPayload ToPayload() => new()
    {
        SourceIds = SourceIds.Distinct().ToList(),
        TargetId = TargetId ?? 0,
    };
}

public sealed class SplitIntentInput
{
    public const int Rows = 4;

    public int SourceId { get; set; }
    public Guid? Version { get; set; }
    public List<IntentDraftInput> NewIntents { get; set; } = [];
    /// <summary>Index (in the posted rows) of the intent that takes every question no keyword routes.</summary>
    public int? DefaultRow { get; set; }

    public SplitIntentPayload ToPayload()
    {
        var rows = NewIntents.Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        var drafts = rows.Select(r => r.row.ToDraft()).ToList();
        var rules = rows
            .Select(r => new Core.Taxonomy.KeywordRule(FormText.Keywords(r.row.Keywords), FormText.Trim(r.row.Key)))
            .Where(r => r.Keywords.Count > 0)
            .ToList();
        var defaultRow = rows.FirstOrDefault(r => r.index == DefaultRow).row;
        return new SplitIntentPayload
        {
            SourceId = SourceId,
            NewIntents = drafts,
            KeywordRules = rules,
            DefaultTarget = defaultRow is null ? "" : FormText.Trim(defaultRow.Key),
            ExpectedVersion = Version,
        };
    }
}

public sealed class DeprecateIntentInput
{
    public int IntentId { get; set; }
    public Guid? Version { get; set; }
    public int? ReplacedById { get; set; }

    public DeprecateIntentPayload ToPayload() => new()
    {
        IntentId = IntentId,
        ReplacedById = ReplacedById is > 0 ? ReplacedById : null,
        ExpectedVersion = Version,
    };
}

public sealed class ReviewInput
{
    public string? Note { get; set; }
}
