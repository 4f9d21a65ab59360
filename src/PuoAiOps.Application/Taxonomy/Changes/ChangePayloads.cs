using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Taxonomy;

namespace PuoAiOps.Application.Taxonomy.Changes;

// What each kind of proposal carries. Stored as JSON in TaxonomyChange.Payload and returned typed
// in ChangeView.Payload. Intents are referenced by id (stable across renames) except where the
// intent does not exist yet (keys of intents a proposal creates). ExpectedVersion(s) are the
// intents' concurrency tokens when the proposal was made: left null by the caller, the service
// fills them in; given, they must still match (the caller saw an older intent otherwise).

/// <summary>Base of every payload; the kind is the TaxonomyChange.Kind column.</summary>
public abstract record ChangePayload;

/// <summary>The content of an intent to create.</summary>
public sealed record IntentDraft
{
    public string Key { get; init; } = "";
    /// <summary>Display names by locale; "en" is required, "zh-CN" expected.</summary>
    public Dictionary<string, string> Names { get; init; } = [];
    public string Description { get; init; } = "";
    public string IncludeCriteria { get; init; } = "";
    public string ExcludeCriteria { get; init; } = "";
    public List<string> Examples { get; init; } = [];
    public string? GuideRef { get; init; }
}

/// <summary>A domain to create together with the first intent approved into it.</summary>
public sealed record NewDomain
{
    public string Key { get; init; } = "";
    public Dictionary<string, string> Names { get; init; } = [];
    public string Description { get; init; } = "";
    public int SortOrder { get; init; }
}

public sealed record AddIntentPayload : ChangePayload
{
    public string DomainKey { get; init; } = "";
    public IntentDraft Intent { get; init; } = new();
    /// <summary>Active unless given; Deprecated only makes sense when restoring a taxonomy from a file.</summary>
    public IntentStatus Status { get; init; } = IntentStatus.Active;
    public string? ReplacedByKey { get; init; }
    /// <summary>Set when <see cref="DomainKey"/> does not exist yet.</summary>
    public NewDomain? NewDomain { get; init; }
}

/// <summary>New names per locale (merged into the current ones; an empty value removes that locale) and/or a new key.</summary>
public sealed record RenameIntentPayload : ChangePayload
{
    public int IntentId { get; init; }
    public string? NewKey { get; init; }
    public Dictionary<string, string>? Names { get; init; }
    public Guid? ExpectedVersion { get; init; }
}

/// <summary>Only the non-null fields change. GuideRef "" clears the reference.</summary>
public sealed record EditIntentPayload : ChangePayload
{
    public int IntentId { get; init; }
    public Dictionary<string, string>? Names { get; init; }
    public string? Description { get; init; }
    public string? IncludeCriteria { get; init; }
    public string? ExcludeCriteria { get; init; }
    public List<string>? Examples { get; init; }
    public string? GuideRef { get; init; }
    /// <summary>Moves the intent to another domain.</summary>
    public string? DomainKey { get; init; }
    public NewDomain? NewDomain { get; init; }
    /// <summary>Active or Draft (reactivating a deprecated intent clears its replacement). Deprecation is its own kind.</summary>
    public IntentStatus? Status { get; init; }
    public Guid? ExpectedVersion { get; init; }
}

/// <summary>Every reference to the sources moves to the target; the sources become Deprecated, replaced by the target.</summary>
public sealed record MergeIntentsPayload : ChangePayload
{
    public List<int> SourceIds { get; init; } = [];
    public int TargetId { get; init; }
    public Dictionary<int, Guid>? ExpectedVersions { get; init; }
}

/// <summary>
/// One intent becomes two or more new ones. Each question referencing the source goes to the
/// target named in <see cref="QuestionTargets"/>, else to the first matching keyword rule, else
/// to <see cref="DefaultTarget"/> (a key of <see cref="NewIntents"/>).
/// </summary>
public sealed record SplitIntentPayload : ChangePayload
{
    public int SourceId { get; init; }
    public List<IntentDraft> NewIntents { get; init; } = [];
    /// <summary>Domain of the new intents; the source's domain when null.</summary>
    public string? DomainKey { get; init; }
    public Dictionary<long, string> QuestionTargets { get; init; } = [];
    public List<KeywordRule> KeywordRules { get; init; } = [];
    public string DefaultTarget { get; init; } = "";
    public Guid? ExpectedVersion { get; init; }
}

/// <summary>Marks an intent Deprecated. The replacement is by id, or by key when it is created by another proposal.</summary>
public sealed record DeprecateIntentPayload : ChangePayload
{
    public int IntentId { get; init; }
    public int? ReplacedById { get; init; }
    public string? ReplacedByKey { get; init; }
    public Guid? ExpectedVersion { get; init; }
}
