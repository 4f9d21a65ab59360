namespace PuoAiOps.Core.Retrieval;

/// <summary>
/// A chunk as the chunker proposes it. <see cref="ContentHash"/> depends only on the heading path
/// and the text (and, for repeated identical chunks, which repeat it is), so re-ingesting a
/// document yields the same hashes for the sections that did not change.
/// </summary>
public sealed record ChunkDraft(int Ordinal, string Heading, string Text, string ContentHash, int TokenCount);
