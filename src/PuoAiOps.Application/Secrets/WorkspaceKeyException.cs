namespace PuoAiOps.Application.Secrets;

/// <summary>
/// The workspace's secrets cannot be read with the keys at hand (typically a database moved to a new
/// data folder without its key file). Start-up stops with this message rather than a stack trace.
/// </summary>
public sealed class WorkspaceKeyException(string message) : Exception(message);
