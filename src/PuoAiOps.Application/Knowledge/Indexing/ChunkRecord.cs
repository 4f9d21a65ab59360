namespace PuoAiOps.Application.Knowledge.Indexing;

/// <summary>What the indexes store about a chunk: its id, its searchable text and the filter fields (and its document, 0 where unknown).</summary>
public sealed record ChunkRecord(long Id, string Locale, string? Domain, IReadOnlyList<string> Intents, string Title, string Heading, string Text, long DocumentId = 0)
{
    /// <summary>The text both indexes see: title and heading path carry much of a chunk's meaning.</summary>
    public string SearchText => Heading.StartsWith(Title, StringComparison.Ordinal) ? $"{Heading}\n{Text}" : $"{Title}\n{Heading}\n{Text}";
}

/// <summary>Filters of a search; null means any.</summary>
public sealed record SearchFilter(string? Locale = null, string? Domain = null, string? Intent = null)
{
    public static SearchFilter None { get; } = new();

    public bool Matches(string locale, string? domain, IReadOnlyList<string> intents) =>
        (Locale is null || Locales.SameLanguage(Locale, locale))
        && (Domain is null || string.Equals(Domain, domain, StringComparison.OrdinalIgnoreCase))
        && (Intent is null || intents.Contains(Intent, StringComparer.OrdinalIgnoreCase));
}
