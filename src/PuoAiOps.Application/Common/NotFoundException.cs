using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Common;

/// <summary>The thing asked for does not exist (the web layer answers 404).</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    /// <summary>A refusal given as a code, worded by each host (see <see cref="CodedMessage"/>).</summary>
    public NotFoundException(CodedMessage message) : this(message.English) => Code = message;

    public CodedMessage? Code { get; }
}
