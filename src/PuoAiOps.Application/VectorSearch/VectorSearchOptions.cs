using PuoAiOps.Application.VectorSearch.Qdrant;

namespace PuoAiOps.Application.VectorSearch;

public enum VectorProvider { Embedded, Qdrant }

/// <summary><c>VectorSearch</c> settings: which <see cref="IVectorIndex"/> serves dense (and, with Qdrant, sparse) retrieval.</summary>
public sealed class VectorSearchOptions
{
    public const string SectionName = "VectorSearch";

    public VectorProvider Provider { get; set; } = VectorProvider.Embedded;

    public QdrantOptions Qdrant { get; set; } = new();

    public IEnumerable<string> Validate() => Provider == VectorProvider.Qdrant ? Qdrant.Validate() : [];
}
