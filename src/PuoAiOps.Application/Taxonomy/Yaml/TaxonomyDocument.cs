using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Taxonomy.Yaml;

/// <summary>The taxonomy as a file holds it: domains, each with its intents, all identified by key (no database ids).</summary>
public sealed record TaxonomyDocument(IReadOnlyList<DomainDocument> Domains)
{
    public const string Format = "puo-taxonomy/1";

    public IEnumerable<IntentDocument> Intents => Domains.SelectMany(d => d.Intents);
}

public sealed record DomainDocument
{
    public string Key { get; init; } = "";
    /// <summary>Null when the file only names the domain (it must then exist already).</summary>
    public IReadOnlyDictionary<string, string>? Names { get; init; }
    public string Description { get; init; } = "";
    public int SortOrder { get; init; }
    public IReadOnlyList<IntentDocument> Intents { get; init; } = [];
    /// <summary>1-based line in the file; 0 for documents built from the database.</summary>
    public int Line { get; init; }
}

public sealed record IntentDocument
{
    public string Key { get; init; } = "";
    public IntentStatus Status { get; init; } = IntentStatus.Active;
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();
    public string Description { get; init; } = "";
    public string IncludeCriteria { get; init; } = "";
    public string ExcludeCriteria { get; init; } = "";
    public IReadOnlyList<string> Examples { get; init; } = [];
    public string? GuideRef { get; init; }
    public string? ReplacedBy { get; init; }
    public int Line { get; init; }
}

/// <summary>One problem in a taxonomy file, with its 1-based position.</summary>
public sealed record TaxonomyYamlError(int Line, int Column, string Message)
{
    public override string ToString() => Column > 0 ? $"line {Line}, column {Column}: {Message}" : $"line {Line}: {Message}";
}
