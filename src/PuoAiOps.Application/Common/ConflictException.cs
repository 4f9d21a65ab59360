namespace PuoAiOps.Application.Common;

/// <summary>
/// The request was valid but the data moved under it: a stale concurrency token, a change already
/// reviewed, a key taken meanwhile (the web layer answers 409). Details list what conflicted.
/// </summary>
public sealed class ConflictException(string message, IReadOnlyList<string>? details = null) : Exception(message)
{
    public IReadOnlyList<string> Details { get; } = details ?? [];
}
