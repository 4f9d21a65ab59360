using Microsoft.Extensions.AI;

namespace PuoAiOps.Application.Knowledge;

/// <summary>
/// The knowledge base's access to the one registered <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>
/// (the offline MiniLM encoder, or later an OpenAI-compatible endpoint). Without one, retrieval is
/// keyword-only and says so.
/// </summary>
public sealed class KnowledgeEmbedder(IEmbeddingGenerator<string, Embedding<float>>? generator = null)
{
    public bool Available => generator is not null;

    /// <summary>The model id recorded with each stored vector: vectors of another model are recomputed.</summary>
    public string? Model => generator?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? (generator is null ? null : "unknown");

    public int Dimensions => generator?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions ?? 384;

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        if (generator is null) throw new InvalidOperationException("No embedding model is configured.");
        if (texts.Count == 0) return [];
        var result = new List<float[]>(texts.Count);
        // Batches keep one call's memory bounded for a large folder.
        for (var start = 0; start < texts.Count; start += 256)
        {
            var batch = texts.Skip(start).Take(256).ToList();
            var embeddings = await generator.GenerateAsync(batch, cancellationToken: ct);
            result.AddRange(embeddings.Select(e => e.Vector.ToArray()));
        }
        return result;
    }
}
