namespace PuoAiOps.Application.Ai;

/// <summary>
/// The LLM endpoint could not be used: not configured, unreachable, too slow or refusing. The message
/// is meant for people (it names the host and what happened, never the key).
/// </summary>
public sealed class AiUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
