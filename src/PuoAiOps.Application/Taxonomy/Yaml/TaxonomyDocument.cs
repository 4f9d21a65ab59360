using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

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
    /// <summary>A problem given as a code (<see cref="Code"/>); <see cref="Message"/> is its English wording.</summary>
    public TaxonomyYamlError(int line, int column, CodedMessage code) : this(line, column, code.English) => Code = code;

    /// <summary>The message as a code and arguments, so the console words it; null for a message without one (the YAML parser's own).</summary>
    public CodedMessage? Code { get; init; }

    public override string ToString() => Column > 0 ? $"line {Line}, column {Column}: {Message}" : $"line {Line}: {Message}";
}
