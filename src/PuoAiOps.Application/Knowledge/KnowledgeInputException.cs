namespace PuoAiOps.Application.Knowledge;

/// <summary>A document that cannot be ingested (unsupported, too large, corrupt, nothing visible): the message says why.</summary>
public sealed class KnowledgeInputException(string message) : Exception(message);
