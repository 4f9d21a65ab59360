using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>A proposal as reviewers see it, with its payload typed (pattern-match on the payload type to render it).</summary>
public sealed record ChangeView(
    long Id, TaxonomyChangeKind Kind, string Summary, ReviewStatus Status, ChangePayload Payload,
    string? ProposedById, string? ProposedByName, DateTime ProposedAt,
    string? ReviewedById, string? ReviewedByName, DateTime? ReviewedAt, string? ReviewNote,
    int? ResultingVersionId, int? ResultingVersionNumber);

/// <summary>The outcome of approving one or more proposals together: one published version.</summary>
public sealed record ApprovalResult(IReadOnlyList<ChangeView> Changes, int VersionId, int VersionNumber);
