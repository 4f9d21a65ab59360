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
        var keywordHits = useKeyword ? keyword.Search(expanded, filter, options.Candidates) : [];
        lists.Add(new RankedList(keywordHits.Select(h => h.Id).ToList()));
        IReadOnlyList<VectorHit> denseHits = [];
        if (useDense)
        {
            var vector = (await embedder.EmbedAsync([query], ct))[0];
            denseHits = await vectors!.SearchAsync(vector, options.Candidates, filter, ct);
            lists.Add(new RankedList(denseHits.Select(h => h.Id).ToList(), weight));
        }
        else lists.Add(new RankedList([]));
        return new ScoredRanking(ReciprocalRankFusion.Fuse(lists, top, options.FusionK),
            keywordHits.GroupBy(h => h.Id).ToDictionary(g => g.Key, g => g.First().Score),
            denseHits.GroupBy(h => h.Id).ToDictionary(g => g.Key, g => g.First().Score));
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
