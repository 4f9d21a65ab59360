using PuoAiOps.Application.Knowledge.Indexing;

namespace PuoAiOps.Application.Knowledge.Search;

public enum SearchMode { Hybrid, Keyword, Dense }

public sealed record KnowledgeQuery(string Text, int Top = 10, SearchFilter? Filter = null, SearchMode Mode = SearchMode.Hybrid);

/// <summary>
/// One retrieved chunk with where it came from, how each retriever ranked it (1-based, null where
/// absent) and scored it (BM25; cosine similarity), and the fused (RRF) score.
/// </summary>
public sealed record KnowledgeHit(
    long ChunkId, string Slug, string Locale, string Title, string Heading, string Text, double Score, int? KeywordRank, int? DenseRank,
    float? KeywordScore = null, float? DenseScore = null, long DocumentId = 0);

public sealed record KnowledgeSearchResult(string Query, string ExpandedQuery, SearchMode Mode, IReadOnlyList<KnowledgeHit> Hits, string? Note);
