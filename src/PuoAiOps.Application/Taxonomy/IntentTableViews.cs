using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Taxonomy;

public enum IntentSort { Domain, Key, Name, Status }

/// <summary>One page of the intents table: a search over keys and names in every locale, a status and a domain.</summary>
public sealed record IntentTableQuery(
    string? Search = null, IntentStatus? Status = null, string? DomainKey = null,
    IntentSort Sort = IntentSort.Domain, bool Descending = false, int Skip = 0, int Take = 25);

/// <summary>An intent with its domain, as tables and pickers show it.</summary>
public sealed record IntentRow(
    int Id, string Key, IReadOnlyDictionary<string, string> Names, string Description,
    string DomainKey, IReadOnlyDictionary<string, string> DomainNames, int DomainSortOrder,
    IntentStatus Status, string? GuideRef);

public sealed record IntentTablePage(IReadOnlyList<IntentRow> Items, int Total);

/// <summary>One page of the published versions, newest first unless asked otherwise.</summary>
public sealed record VersionPage(IReadOnlyList<VersionSummary> Items, int Total);
