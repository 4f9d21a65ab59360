namespace PuoAiOps.Application.Common;

/// <summary>The thing asked for does not exist (the web layer answers 404).</summary>
public sealed class NotFoundException(string message) : Exception(message);
