namespace PuoAiOps.Application.Knowledge.Documents;

/// <summary>
/// Filters of the document list; null means any. <paramref name="Today"/> (the workspace's date) decides staleness.
/// The list holds live documents, or with <paramref name="Archived"/> only the archived ones.
/// </summary>
public sealed record DocumentQuery(DateOnly Today, string? Locale = null, string? Domain = null, string? Owner = null, bool? Stale = null, string? Text = null,
    bool Archived = false);

public enum DocumentSort { Title, Locale, Domain, Owner, ReviewBy, Updated }

public sealed record DocumentRow(
    long Id, string Slug, string Title, string Locale, string? Domain, string? Owner, DateOnly? ReviewBy, bool Stale,
    int Revision, DateTime UpdatedAt, int Chunks, string Format, bool Archived = false);

public sealed record DocumentListPage(IReadOnlyList<DocumentRow> Rows, int Total);

/// <summary>The values the list's filters offer.</summary>
public sealed record DocumentFacets(IReadOnlyList<string> Locales, IReadOnlyList<string> Domains, IReadOnlyList<string> Owners);

/// <summary>
/// One document as its page shows it. <paramref name="Version"/> is the edit stamp: a save that
/// names another one is refused (someone saved in between).
/// </summary>
public sealed record DocumentDetails(
    long Id, string Slug, string Title, string Locale, string Format, string Source, string? Owner, string? Domain,
    IReadOnlyList<string> Intents, IReadOnlyList<string> Tags, DateOnly? ReviewBy, bool Stale, int Revision,
    DateTime UpdatedAt, string? UpdatedById, string? UploadedById, string? SourceName, Guid Version, bool IsDemo, bool Archived = false);

/// <summary>
/// A chunk with where it stands in the indexes: in the keyword index or not, and its vector (none,
/// current model, or another model's, which the next ingestion or reindex recomputes).
/// </summary>
public sealed record ChunkView(long Id, int Ordinal, string Heading, string Text, string ContentHash, int Tokens, bool InKeywordIndex, VectorState Vector);

public enum VectorState { None, Current, OtherModel }
