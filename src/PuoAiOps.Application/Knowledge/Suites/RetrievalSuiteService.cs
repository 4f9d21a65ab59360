using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge.Suites;

/// <summary>
/// Saved retrieval test queries as regression suites: each run searches the workspace exactly as
/// the bot does (<see cref="KnowledgeSearchService"/>) and stores recall@1, recall@k and MRR@10.
/// </summary>
public sealed class RetrievalSuiteService(PuoDbContext db, KnowledgeSearchService search)
{
    private const int RunsShown = 30;

    public async Task<IReadOnlyList<SuiteSummary>> ListAsync(CancellationToken ct = default)
    {
        var suites = await db.RetrievalSuites.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.K, Queries = s.Queries.Count }).ToListAsync(ct);
        var result = new List<SuiteSummary>(suites.Count);
        foreach (var s in suites)
        {
            var runs = await db.RetrievalSuiteRuns.AsNoTracking().Where(r => r.SuiteId == s.Id).OrderByDescending(r => r.RanAt).ThenByDescending(r => r.Id)
                .Take(2).ToListAsync(ct);
            result.Add(new SuiteSummary(s.Id, s.Name, s.K, s.Queries, runs.Count > 0 ? View(runs[0]) : null, runs.Count > 1 ? View(runs[1]) : null));
        }
        return result;
    }

    public async Task<SuiteDetails> GetAsync(long id, CancellationToken ct = default)
    {
        var suite = await db.RetrievalSuites.AsNoTracking().Include(s => s.Queries).SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoSuite, id));
        var runs = await db.RetrievalSuiteRuns.AsNoTracking().Where(r => r.SuiteId == id).OrderByDescending(r => r.RanAt).ThenByDescending(r => r.Id)
            .Take(RunsShown).ToListAsync(ct);
        runs.Reverse();
        var ranks = runs.Count > 0 ? JsonSerializer.Deserialize<Dictionary<long, int?>>(runs[^1].Ranks) ?? [] : [];
        return new SuiteDetails(suite.Id, suite.Name, suite.K, suite.IsDemo,
            suite.Queries.OrderBy(q => q.Id).Select(q => new SuiteQueryView(q.Id, q.Query, q.Locale, q.Domain, q.Intent, q.Expected)).ToList(),
            runs.Select(View).ToList(), ranks);
    }

    public async Task<long> CreateAsync(string name, int k, string? userId, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 128) throw new ValidationException("name", CodedMessage.Of(KnowledgeRefusal.SuiteNameLength, 1, 128));
        if (k is < 1 or > 50) throw new ValidationException("k", CodedMessage.Of(KnowledgeRefusal.SuiteKOutOfRange, 1, 50));
        if (await db.RetrievalSuites.AnyAsync(s => s.Name == name, ct)) throw new ConflictException(CodedMessage.Of(KnowledgeRefusal.SuiteNameTaken, name));
        var suite = new RetrievalSuite { Name = name, K = k, CreatedById = userId };
        db.RetrievalSuites.Add(suite);
        await db.SaveChangesAsync(ct);
        return suite.Id;
    }

    public async Task<long> AddQueryAsync(long suiteId, NewSuiteQuery query, CancellationToken ct = default)
    {
        if (!await db.RetrievalSuites.AnyAsync(s => s.Id == suiteId, ct)) throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoSuite, suiteId));
        var text = query.Query.Trim();
        if (text.Length is 0 or > 500) throw new ValidationException("query", CodedMessage.Of(KnowledgeRefusal.SuiteQueryLength, 1, 500));
        var expected = query.Expected.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (expected.Count == 0) throw new ValidationException("expected", CodedMessage.Of(KnowledgeRefusal.SuiteQueryWithoutExpected));
        var known = await db.Documents.Where(d => expected.Contains(d.Slug)).Select(d => d.Slug).Distinct().ToListAsync(ct);
        var unknown = expected.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) throw new ValidationException("expected", CodedMessage.Of(KnowledgeRefusal.UnknownSlugs, string.Join(", ", unknown)));
        var row = new RetrievalTestQuery
        {
            SuiteId = suiteId, Query = text, Expected = expected,
            Locale = Blank(query.Locale), Domain = Blank(query.Domain), Intent = Blank(query.Intent),
        };
        db.RetrievalTestQueries.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    public async Task RemoveQueryAsync(long suiteId, long queryId, CancellationToken ct = default)
    {
        if (await db.RetrievalTestQueries.Where(q => q.SuiteId == suiteId && q.Id == queryId).ExecuteDeleteAsync(ct) == 0)
            throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoSuiteQuery, queryId, suiteId));
    }

    /// <summary>Runs every query (progress: queries done) and stores the run.</summary>
    public async Task<SuiteRunView> RunAsync(long suiteId, string? userId, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var suite = await db.RetrievalSuites.AsNoTracking().Include(s => s.Queries).SingleOrDefaultAsync(s => s.Id == suiteId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoSuite, suiteId));
        if (suite.Queries.Count == 0) throw new ValidationException("queries", CodedMessage.Of(KnowledgeRefusal.SuiteWithoutQueries));
        var ranks = new Dictionary<long, int?>();
        var mode = SearchMode.Keyword;
        var done = 0;
        foreach (var query in suite.Queries.OrderBy(q => q.Id))
        {
            var filter = new SearchFilter(query.Locale, query.Domain, query.Intent);
            var result = await search.SearchAsync(new KnowledgeQuery(query.Query, 50, filter), ct);
            mode = result.Mode;
            ranks[query.Id] = SuiteScoring.RankOf(result.Hits.Select(h => h.Slug), query.Expected);
            progress?.Report(++done);
        }
        var (passed, at1, atK, mrr) = SuiteScoring.Score(ranks.Values, suite.K);
        var run = new RetrievalSuiteRun
        {
            SuiteId = suiteId, RanById = userId, Mode = mode.ToString().ToLowerInvariant(), Queries = ranks.Count, Passed = passed,
            RecallAt1 = at1, RecallAtK = atK, Mrr = mrr, Ranks = JsonSerializer.Serialize(ranks),
        };
        db.RetrievalSuiteRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return View(run);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static SuiteRunView View(RetrievalSuiteRun r) => new(r.Id, r.RanAt, r.RanById, r.Mode, r.Queries, r.Passed, r.RecallAt1, r.RecallAtK, r.Mrr);
}
