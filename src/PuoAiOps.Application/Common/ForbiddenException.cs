using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Common;

/// <summary>The actor may not do this, whatever the input (the web layer answers 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message)
{
    /// <summary>A refusal given as a code, worded by each host (see <see cref="CodedMessage"/>).</summary>
    public ForbiddenException(CodedMessage message) : this(message.English) => Code = message;

    public CodedMessage? Code { get; }
}
