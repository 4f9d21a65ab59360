using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Knowledge.Search;

/// <summary>Searches the workspace's SOP chunks: glossary expansion, hybrid ranking, filters, then the chunks' text from the database.</summary>
public sealed class KnowledgeSearchService(PuoDbContext db, KnowledgeIndexes indexes, KnowledgeEmbedder embedder, GlossaryService glossary, IOptions<KnowledgeOptions> options)
{
    public async Task<KnowledgeSearchResult> SearchAsync(KnowledgeQuery query, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(query.Text)) throw new KnowledgeInputException(KnowledgeRefusal.EmptyQuery);
        if (query.Top is < 1 or > 100) throw new KnowledgeInputException(KnowledgeRefusal.TopOutOfRange, 1, 100);
        var filter = query.Filter ?? SearchFilter.None;
        var expanded = (await glossary.LoadAsync(filter.Locale, ct)).Expand(query.Text);
        var ranker = new HybridRanker(indexes.Keyword, indexes.Vectors, embedder, options.Value);
        var ranking = await ranker.RankScoredAsync(query.Text, expanded, filter, query.Mode, query.Top, ct);
        var fused = ranking.Fused;
        var ids = fused.Select(h => h.Id).ToList();
        var rows = await db.Chunks.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Documents.Where(d => d.Status != DocumentStatus.Archived), c => c.DocumentId, d => d.Id, (c, d) => new { c.Id, DocumentId = d.Id, d.Slug, d.Locale, d.Title, c.Heading, c.Text })
            .ToDictionaryAsync(r => r.Id, ct);
        // An id the index still has but the database no longer does (or whose document is archived) is skipped: the database wins.
        var hits = fused.Where(h => rows.ContainsKey(h.Id)).Select(h =>
        {
            var r = rows[h.Id];
            return new KnowledgeHit(r.Id, r.Slug, r.Locale, r.Title, r.Heading, r.Text, h.Score, h.Ranks[0], h.Ranks.Length > 1 ? h.Ranks[1] : null,
                ranking.KeywordScores.TryGetValue(h.Id, out var bm25) ? bm25 : (float?)null, ranking.DenseScores.TryGetValue(h.Id, out var cosine) ? cosine : (float?)null, r.DocumentId);
        }).ToList();
        var mode = ranker.DenseAvailable && ranker.Unavailable is null ? query.Mode : SearchMode.Keyword;
        var note = ranker.Unavailable is { } down ? $"{down} Showing keyword results only."
            : ranker.DenseAvailable || query.Mode == SearchMode.Keyword ? null : "no embedding model is configured: keyword search only";
        return new KnowledgeSearchResult(query.Text, expanded, mode, hits, note);
    }
}
