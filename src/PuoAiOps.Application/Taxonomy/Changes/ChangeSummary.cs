using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>
/// The one-line summary of a proposed change, and the note a version gets when the reviewer writes none: the
/// console words each value from <c>TaxonomyText</c> (<c>ChangeSummary.&lt;value&gt;</c>), the API and CLI in
/// English. Keys, names and locales are arguments as written; words (a status, a field, a kind) are nested codes,
/// and a list is a chain of <see cref="ListSemicolon"/> or <see cref="ListComma"/> (see <see cref="ChangeSummaries.List"/>).
/// </summary>
public enum ChangeSummary
{
    [English("Add intent {0}/{1} \"{2}\"")] Add,
    [English("Add intent {0}/{1} \"{2}\" as {3}")] AddAs,
    [English("Rename {0}: {1}")] Rename,
    [English("key {0} → {1}")] RenameKey,
    [English("{0} \"{1}\" → \"{2}\"")] RenameName,
    [English("Edit {0}: {1}")] Edit,
    [English("names")] FieldNames,
    [English("description")] FieldDescription,
    [English("includeCriteria")] FieldIncludeCriteria,
    [English("excludeCriteria")] FieldExcludeCriteria,
    [English("examples")] FieldExamples,
    [English("guideRef")] FieldGuideRef,
    [English("domain → {0}")] FieldDomain,
    [English("status → {0}")] FieldStatus,
    [English("Merge {0} → {1}")] Merge,
    [English("Split {0} → {1} (the rest → {2})")] Split,
    [English("Deprecate {0}")] Deprecate,
    [English("Deprecate {0} (replaced by {1})")] DeprecateReplaced,
    [English("active")] StatusActive,
    [English("draft")] StatusDraft,
    [English("deprecated")] StatusDeprecated,
    [English("{0} changes: {1}")] ManyChanges,
    [English("{0} {1}")] KindCount,
    [English("add")] KindAdd,
    [English("rename")] KindRename,
    [English("edit")] KindEdit,
    [English("merge")] KindMerge,
    [English("split")] KindSplit,
    [English("deprecate")] KindDeprecate,
    [English("{0}; {1}")] ListSemicolon,
    [English("{0}, {1}")] ListComma,
}

/// <summary>Builds and reads <see cref="ChangeSummary"/> messages.</summary>
public static class ChangeSummaries
{
    public static CodedMessage Of(ChangeSummary code, params object[] args) => CodedMessage.Of(code, args);

    /// <summary>
    /// A non-empty list as one message: the first item, then the rest joined by <paramref name="separator"/>
    /// (nested to the right), so "a; b; c" reads the same in English and each language puts its own separator.
    /// </summary>
    public static CodedMessage List(ChangeSummary separator, IReadOnlyList<CodedMessage> items)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        var list = items[^1];
        for (var i = items.Count - 2; i >= 0; i--) list = CodedMessage.Of(separator, items[i], list);
        return list;
    }

    public static CodedMessage Status(IntentStatus status) => CodedMessage.Of(status switch
    {
        IntentStatus.Draft => ChangeSummary.StatusDraft,
        IntentStatus.Deprecated => ChangeSummary.StatusDeprecated,
        _ => ChangeSummary.StatusActive,
    });

    public static CodedMessage Kind(TaxonomyChangeKind kind) => CodedMessage.Of(kind switch
    {
        TaxonomyChangeKind.Add => ChangeSummary.KindAdd,
        TaxonomyChangeKind.Rename => ChangeSummary.KindRename,
        TaxonomyChangeKind.Edit => ChangeSummary.KindEdit,
        TaxonomyChangeKind.Merge => ChangeSummary.KindMerge,
        TaxonomyChangeKind.Split => ChangeSummary.KindSplit,
        _ => ChangeSummary.KindDeprecate,
    });

    /// <summary>A stored summary or note as a code; null for rows written before they had codes (shown in English).</summary>
    public static CodedMessage? Read(string? code, string? args) => MessageCodes.Read(code, args);
}
