using PuoAiOps.Application.Taxonomy.Changes;

namespace PuoAiOps.Application.Taxonomy.Forms;

public sealed class MergeIntentsForm
{
    public List<int> SourceIds { get; set; } = [];
    public int? TargetId { get; set; }

    public MergeIntentsPayload ToPayload() => new()
    {
        SourceIds = SourceIds.Distinct().ToList(),
        TargetId = TargetId ?? 0,
    };
}

public sealed class SplitIntentForm
{
    public const int Rows = 4;

    public int SourceId { get; set; }
    public Guid? Version { get; set; }
    public List<IntentDraftForm> NewIntents { get; set; } = Enumerable.Range(0, Rows).Select(_ => new IntentDraftForm()).ToList();
    /// <summary>Index (in the rows) of the intent that takes every question no keyword routes.</summary>
    public int DefaultRow { get; set; }

    public static SplitIntentForm For(IntentDetails source) => new() { SourceId = source.Id, Version = source.Version };

    public SplitIntentPayload ToPayload()
    {
        var rows = NewIntents.Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        var drafts = rows.Select(r => r.row.ToDraft()).ToList();
        var rules = rows
            .Select(r => new Core.Taxonomy.KeywordRule(FormValues.Keywords(r.row.Keywords), FormValues.Trim(r.row.Key)))
            .Where(r => r.Keywords.Count > 0)
            .ToList();
        var defaultRow = rows.FirstOrDefault(r => r.index == DefaultRow).row;
        return new SplitIntentPayload
        {
            SourceId = SourceId,
            NewIntents = drafts,
            KeywordRules = rules,
            DefaultTarget = defaultRow is null ? "" : FormValues.Trim(defaultRow.Key),
            ExpectedVersion = Version,
        };
    }
}

public sealed class DeprecateIntentForm
{
    public int? ReplacedById { get; set; }

    public DeprecateIntentPayload ToPayload(IntentDetails current) => new()
    {
        IntentId = current.Id,
        ReplacedById = ReplacedById is > 0 ? ReplacedById : null,
        ExpectedVersion = current.Version,
    };
}
