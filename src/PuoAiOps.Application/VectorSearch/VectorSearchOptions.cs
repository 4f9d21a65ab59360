namespace PuoAiOps.Application.VectorSearch;

public enum VectorProvider { Embedded, Qdrant }

/// <summary><c>VectorSearch</c> settings. Qdrant is designed for (see <see cref="IVectorIndex"/>) but not built yet.</summary>
public sealed class VectorSearchOptions
{
    public const string SectionName = "VectorSearch";

    public VectorProvider Provider { get; set; } = VectorProvider.Embedded;

    public IEnumerable<string> Validate()
    {
        if (Provider == VectorProvider.Qdrant)
            yield return $"{SectionName}:Provider = Qdrant is not available in this version; use Embedded.";
    }
}
