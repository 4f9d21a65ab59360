namespace PuoAiOps.Application.Common;

/// <summary>The actor may not do this, whatever the input (the web layer answers 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
