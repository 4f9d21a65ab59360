using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Keyword;
using PuoAiOps.Application.VectorSearch;
using PuoAiOps.Core.Retrieval;

namespace PuoAiOps.Application.Knowledge.Search;

/// <summary>
/// Keyword (BM25 over the glossary-expanded query) and dense (cosine over the query's vector)
/// candidates fused by reciprocal rank. Shared by the workspace search and `puo kb eval`, so the
/// evaluation measures exactly what users get.
/// </summary>
public sealed class HybridRanker(LuceneKeywordIndex keyword, IVectorIndex? vectors, KnowledgeEmbedder embedder, KnowledgeOptions options)
{
    public bool DenseAvailable => vectors is not null && embedder.Available;

    public async Task<IReadOnlyList<FusedHit>> RankAsync(string query, string expanded, SearchFilter filter, SearchMode mode, int top, CancellationToken ct) =>
        (await RankScoredAsync(query, expanded, filter, mode, top, ct)).Fused;

    /// <summary>The fused ranking with each retriever's own scores (BM25, cosine) of the candidates it returned.</summary>
    public async Task<ScoredRanking> RankScoredAsync(string query, string expanded, SearchFilter filter, SearchMode mode, int top, CancellationToken ct)
    {
        var lists = new List<RankedList>(2);
        var useKeyword = mode != SearchMode.Dense || !DenseAvailable;
        var weight = DenseWeight(query, filter);
        var useDense = mode != SearchMode.Keyword && DenseAvailable && (weight > 0 || mode == SearchMode.Dense);
        // Also what search falls back to, and where a hybrid index's hits get their keyword ranks.
        IReadOnlyList<(long Id, float Score)>? keywordHits = null;
        IReadOnlyList<(long Id, float Score)> KeywordHits() => keywordHits ??= keyword.Search(expanded, filter, options.Candidates);
        List<long> KeywordIds() => KeywordHits().Select(h => h.Id).ToList();
        lists.Add(new RankedList(useKeyword ? KeywordIds() : []));
        IReadOnlyList<VectorHit> denseHits = [];
        if (useDense)
        {
            try
            {
                var vector = (await embedder.EmbedAsync([query], ct))[0];
                // A hybrid index (Qdrant) fuses its own dense and sparse candidates with the same k and weight.
                if (mode == SearchMode.Hybrid && vectors is IHybridVectorIndex hybrid)
                    return new ScoredRanking(
                        ServerFused(await hybrid.HybridSearchAsync(vector, expanded, top, filter, new HybridFusion(options.Candidates, options.FusionK, weight), ct), KeywordIds()),
                        ScoresById(KeywordHits()), new Dictionary<long, float>());
                denseHits = await vectors!.SearchAsync(vector, options.Candidates, filter, ct);
                lists.Add(new RankedList(denseHits.Select(h => h.Id).ToList(), weight));
            }
            catch (VectorIndexUnavailableException ex)
            {
                Unavailable = ex.Message;
                lists[0] = new RankedList(KeywordIds());
                lists.Add(new RankedList([]));
            }
        }
        else lists.Add(new RankedList([]));
        return new ScoredRanking(ReciprocalRankFusion.Fuse(lists, top, options.FusionK),
            ScoresById(keywordHits ?? []), denseHits.GroupBy(h => h.Id).ToDictionary(g => g.Key, g => g.First().Score));
    }

    private static Dictionary<long, float> ScoresById(IReadOnlyList<(long Id, float Score)> hits) =>
        hits.GroupBy(h => h.Id).ToDictionary(g => g.Key, g => g.First().Score);

    /// <summary>Why the last ranking fell back to keywords only (the vector index could not be reached), or null.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The index's fused order and scores; the ranks are the keyword index's and the fused list's.</summary>
    private static List<FusedHit> ServerFused(IReadOnlyList<VectorHit> hits, List<long> keywordIds)
    {
        var keywordRank = keywordIds.Select((id, i) => (id, i)).GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.First().i + 1);
        return hits.Select((h, i) => new FusedHit(h.Id, h.Score, [keywordRank.TryGetValue(h.Id, out var r) ? r : null, i + 1])).ToList();
    }

    /// <summary>
    /// The dense list's vote by the query's language: the English-trained encoder ranks Chinese
    /// questions poorly (docs/knowledge.md), so for them it gets <see cref="KnowledgeOptions.ChineseDenseWeight"/>.
    /// </summary>
    private double DenseWeight(string query, SearchFilter filter)
    {
        var chinese = filter.Locale is { } locale ? Locales.IsChinese(locale) : Locales.IsChinese(Locales.Guess(query));
        return chinese ? options.ChineseDenseWeight : options.DenseWeight;
    }
}

/// <summary>Fused hits, and the BM25 and cosine scores of the chunks each retriever returned.</summary>
public sealed record ScoredRanking(IReadOnlyList<FusedHit> Fused, IReadOnlyDictionary<long, float> KeywordScores, IReadOnlyDictionary<long, float> DenseScores);
