using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Taxonomy;

/// <summary>Filter for the taxonomy tree: by status and by a search over keys and names in every locale.</summary>
public sealed record TaxonomyQuery(IntentStatus? Status = null, string? Search = null);

public sealed record DomainView(
    int Id, string Key, IReadOnlyDictionary<string, string> Names, string Description, int SortOrder,
    IReadOnlyList<IntentSummary> Intents);

public sealed record IntentSummary(
    int Id, string Key, IReadOnlyDictionary<string, string> Names, IntentStatus Status, string? GuideRef, int? ReplacedById);

/// <summary>How much of the workspace points at one intent.</summary>
public sealed record IntentUsage(
    int Labels, int FinalLabels, int Predictions, int GoldItems, int Adjudications, int Scripts, int Conversations);

public sealed record ScriptRef(long Id, string Locale, string Title, bool Published);

public sealed record IntentDetails(
    int Id, int DomainId, string DomainKey, string Key, IReadOnlyDictionary<string, string> Names,
    string Description, string IncludeCriteria, string ExcludeCriteria, IReadOnlyList<string> Examples,
    IntentStatus Status, string? GuideRef, int? ReplacedById, string? ReplacedByKey, DateTime UpdatedAt,
    Guid Version, IntentUsage Usage, IReadOnlyList<ScriptRef> Scripts, IReadOnlyList<long> PendingChangeIds);

/// <param name="Note">The reviewer's note as written, or the English of the note generated from the approved summaries.</param>
/// <param name="NoteCode">A generated note as a code, for the console to word; null for a reviewer's note and versions published before notes had codes.</param>
public sealed record VersionSummary(int Id, int Number, string? Note, string? PublishedById, string? PublishedByName, DateTime PublishedAt,
    [property: System.Text.Json.Serialization.JsonIgnore] Core.Messages.CodedMessage? NoteCode = null);

public sealed record VersionDetails(VersionSummary Summary, string Snapshot);
