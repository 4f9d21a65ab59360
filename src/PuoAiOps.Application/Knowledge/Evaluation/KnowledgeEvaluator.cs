using System.Diagnostics;
using Lucene.Net.Store;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Keyword;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.VectorSearch;
using PuoAiOps.Core.Retrieval;

namespace PuoAiOps.Application.Knowledge.Evaluation;

public sealed record RankingQuality(double RecallAt1, double RecallAt5, double MrrAt10);

/// <summary>Quality of the hybrid search, of each retriever alone, and of plain Okapi BM25, on one corpus and query set.</summary>
public sealed record EvalReport(
    int Corpus, int Chunks, int Queries, string Mode, string ChineseAnalyzer,
    RankingQuality Hybrid, RankingQuality Keyword, RankingQuality? Dense, RankingQuality Bm25Baseline,
    double MsPerQuery, double IndexSeconds);

/// <summary>
/// Runs the workspace's retrieval (chunker, analyzers, vectors, fusion: the same classes) over a
/// throw-away corpus in memory, never the workspace's indexes, and scores the rankings.
/// </summary>
public sealed class KnowledgeEvaluator(KnowledgeEmbedder embedder, KnowledgeOptions options)
{
    public async Task<EvalReport> EvaluateAsync(IReadOnlyList<EvalDocument> corpus, IReadOnlyList<EvalQuery> queries, int k, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        using var keyword = new LuceneKeywordIndex(new RAMDirectory(), options.ChineseAnalyzer);
        using var vectors = new InMemoryVectorIndex(embedder.Dimensions);
        var owner = new List<string>();
        var records = new List<ChunkRecord>();
        var chunker = new ChunkerOptions { MaxChars = options.ChunkMaxChars, OverlapChars = options.ChunkOverlapChars };
        foreach (var doc in corpus)
        {
            var locale = Locales.Guess(doc.Title + "\n" + doc.Text);
            foreach (var draft in SectionChunker.Chunk(doc.Title, [TextBlock.Body(doc.Text)], chunker))
            {
                records.Add(new ChunkRecord(owner.Count, locale, null, [], doc.Title, draft.Heading, draft.Text));
                owner.Add(doc.Id);
            }
        }
        keyword.Apply(records, []);
        if (embedder.Available)
        {
            var embedded = await embedder.EmbedAsync(records.Select(r => r.SearchText).ToList(), ct);
            await vectors.UpsertAsync(records.Select((r, i) => new VectorRecord(r.Id, embedded[i], r.Locale, null, [])).ToList(), ct);
        }
        var baseline = new OkapiBm25();
        for (var i = 0; i < corpus.Count; i++) baseline.Add(i, corpus[i].Title + "\n" + corpus[i].Text);
        var indexSeconds = clock.Elapsed.TotalSeconds;

        var ranker = new HybridRanker(keyword, embedder.Available ? vectors : null, embedder, options);
        var hybrid = new RetrievalMetrics();
        var keywordOnly = new RetrievalMetrics();
        var denseOnly = new RetrievalMetrics();
        var bm25 = new RetrievalMetrics();
        var searchTime = TimeSpan.Zero;
        foreach (var query in queries)
        {
            ct.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            var fused = await ranker.RankAsync(query.Query, query.Query, SearchFilter.None, SearchMode.Hybrid, options.Candidates * 2, ct);
            searchTime += Stopwatch.GetElapsedTime(start);
            hybrid.Add(Documents(fused.Select(h => h.Id), owner, k), query.Relevant);
            keywordOnly.Add(Documents(fused.Where(h => h.Ranks[0] is not null).OrderBy(h => h.Ranks[0]).Select(h => h.Id), owner, k), query.Relevant);
            if (ranker.DenseAvailable)
            {
                // Separately (untimed): the fusion may leave the dense list out for Chinese queries.
                var dense = await ranker.RankAsync(query.Query, query.Query, SearchFilter.None, SearchMode.Dense, options.Candidates, ct);
                denseOnly.Add(Documents(dense.Select(h => h.Id), owner, k), query.Relevant);
            }
            bm25.Add(baseline.Search(query.Query, k).Select(h => corpus[(int)h.Id].Id).ToList(), query.Relevant);
        }
        return new EvalReport(corpus.Count, records.Count, queries.Count, ranker.DenseAvailable ? "hybrid" : "keyword", options.ChineseAnalyzer.ToString(),
            Quality(hybrid), Quality(keywordOnly), ranker.DenseAvailable ? Quality(denseOnly) : null, Quality(bm25),
            searchTime.TotalMilliseconds / Math.Max(1, queries.Count), indexSeconds);
    }

    /// <summary>Chunk ids to distinct corpus ids in rank order: a document ranks where its best chunk does.</summary>
    private static List<string> Documents(IEnumerable<long> chunkIds, List<string> owner, int k) =>
        chunkIds.Select(id => owner[(int)id]).Distinct(StringComparer.Ordinal).Take(k).ToList();

    private static RankingQuality Quality(RetrievalMetrics m) => new(m.RecallAt1, m.RecallAt5, m.MrrAt10);
}
