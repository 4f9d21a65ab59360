using System.Text.Json.Serialization;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Yaml;

/// <summary>What an import may do besides proposing additions and edits.</summary>
/// <param name="DeprecateMissing">Propose deprecating active intents that the file leaves out (the file is the whole taxonomy).</param>
/// <param name="DryRun">Plan and validate only; store nothing.</param>
public sealed record TaxonomyImportOptions(bool DeprecateMissing = true, bool DryRun = false);

/// <summary>One proposal of an import. ChangeId is null on a dry run; Line 0 means an intent the file leaves out.</summary>
/// <param name="Summary">The proposal's summary in English (the API's and the CLI's).</param>
/// <param name="SummaryCode">The same summary as a code, which the console words; null for a pending proposal stored before summaries had codes.</param>
public sealed record ImportedChange(long? ChangeId, TaxonomyChangeKind Kind, string IntentKey, string Summary, int Line,
    [property: JsonIgnore] CodedMessage? SummaryCode = null);

public sealed record TaxonomyImportResult(
    IReadOnlyList<ImportedChange> Proposed,
    IReadOnlyList<ImportedChange> AlreadyPending,
    [property: JsonIgnore] IReadOnlyList<CodedMessage> WarningMessages,
    bool DryRun)
{
    /// <summary>The warnings in English (the API's and the CLI's); the console words <see cref="WarningMessages"/>.</summary>
    public IReadOnlyList<string> Warnings => WarningMessages.Select(w => w.English).ToList();

    public int Count(TaxonomyChangeKind kind) => Proposed.Count(p => p.Kind == kind);
}
