using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Common;

/// <summary>
/// The request was valid but the data moved under it: a stale concurrency token, a change already
/// reviewed, a key taken meanwhile (the web layer answers 409). Details list what conflicted.
/// </summary>
public sealed class ConflictException(string message, IReadOnlyList<string>? details = null) : Exception(message)
{
    /// <summary>A conflict given as a code, worded by each host (see <see cref="CodedMessage"/>).</summary>
    public ConflictException(CodedMessage message, IReadOnlyList<string>? details = null) : this(message.English, details) => Code = message;

    public IReadOnlyList<string> Details { get; } = details ?? [];

    public CodedMessage? Code { get; }
}
