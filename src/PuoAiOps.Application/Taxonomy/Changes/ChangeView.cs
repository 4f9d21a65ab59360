using System.Text.Json.Serialization;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>A proposal as reviewers see it, with its payload typed (pattern-match on the payload type to render it).</summary>
/// <param name="Summary">One line in English (the API's and the CLI's).</param>
/// <param name="SummaryCode">The same line as a code, for the console to word; null for proposals stored before summaries had codes.</param>
public sealed record ChangeView(
    long Id, TaxonomyChangeKind Kind, string Summary, ReviewStatus Status, ChangePayload Payload,
    string? ProposedById, string? ProposedByName, DateTime ProposedAt,
    string? ReviewedById, string? ReviewedByName, DateTime? ReviewedAt, string? ReviewNote,
    int? ResultingVersionId, int? ResultingVersionNumber,
    [property: JsonIgnore] CodedMessage? SummaryCode = null);

/// <summary>The outcome of approving one or more proposals together: one published version.</summary>
public sealed record ApprovalResult(IReadOnlyList<ChangeView> Changes, int VersionId, int VersionNumber);
