namespace PuoAiOps.Application.VectorSearch;

/// <summary>
/// A remote vector index could not be reached or refused a call, after its retries. The message says
/// what failed and names the host only. Searches fall back to the keyword index; writes leave the
/// database as committed and `puo kb reindex` catches the index up. An <see cref="InvalidOperationException"/>
/// so callers that already treat index trouble as "saved, index not updated" keep doing so.
/// </summary>
public sealed class VectorIndexUnavailableException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
