using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Ai;

/// <summary>
/// The LLM endpoint could not be used: not configured, unreachable, too slow or refusing. The code
/// (<see cref="AiRefusal"/>) names the host and what happened, never the key; its English wording is the message.
/// </summary>
public sealed class AiUnavailableException(CodedMessage code, Exception? inner = null) : Exception(code.English, inner)
{
    public AiUnavailableException(AiRefusal code, params object[] args) : this(CodedMessage.Of(code, args)) { }

    public CodedMessage Code { get; } = code;

    /// <summary>"1 attempt" or "N attempts" as a coded argument, for the refusals that count them.</summary>
    public static CodedMessage AttemptsOf(int maxRetries) =>
        maxRetries == 0 ? CodedMessage.Of(AiRefusal.OneAttempt) : CodedMessage.Of(AiRefusal.Attempts, maxRetries + 1);
}
