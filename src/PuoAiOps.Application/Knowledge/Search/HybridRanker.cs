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

    public async Task<IReadOnlyList<FusedHit>> RankAsync(string query, string expanded, SearchFilter filter, SearchMode mode, int top, CancellationToken ct)
    {
        var lists = new List<RankedList>(2);
        var useKeyword = mode != SearchMode.Dense || !DenseAvailable;
        var weight = DenseWeight(query, filter);
        var useDense = mode != SearchMode.Keyword && DenseAvailable && (weight > 0 || mode == SearchMode.Dense);
        lists.Add(new RankedList(useKeyword ? keyword.Search(expanded, filter, options.Candidates).Select(h => h.Id).ToList() : []));
        if (useDense)
        {
            var vector = (await embedder.EmbedAsync([query], ct))[0];
            var hits = await vectors!.SearchAsync(vector, options.Candidates, filter, ct);
            lists.Add(new RankedList(hits.Select(h => h.Id).ToList(), weight));
        }
        else lists.Add(new RankedList([]));
        return ReciprocalRankFusion.Fuse(lists, top, options.FusionK);
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
