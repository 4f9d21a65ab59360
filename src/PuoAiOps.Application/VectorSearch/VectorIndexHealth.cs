namespace PuoAiOps.Application.VectorSearch;

/// <summary>A vector index's state for the health check: the embedded index is always there; a remote one is asked.</summary>
public sealed record VectorIndexStatus(string Provider, bool Reachable, string? Problem);

public static class VectorIndexHealth
{
    /// <summary>One probe, no retries: a health check must answer quickly, and an unreachable Qdrant only degrades search.</summary>
    public static async Task<VectorIndexStatus> CheckAsync(IVectorIndex? index, CancellationToken ct = default)
    {
        if (index is not IHybridVectorIndex remote) return new VectorIndexStatus(index?.Name ?? "none", true, null);
        try
        {
            await remote.ProbeAsync(ct);
            return new VectorIndexStatus(remote.Name, true, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Unreachable, refused, or no answer within the health check's time limit: all mean degraded.
            return new VectorIndexStatus(remote.Name, false, ex.Message);
        }
    }
}
