using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Questions;

/// <summary>Reads of stored (already redacted) questions and of import runs, for the console's lists.</summary>
public sealed class QuestionBrowser(PuoDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<QuestionPage> ListAsync(QuestionQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var questions = db.Questions.AsNoTracking();
        var filtered = query.Labeled is not null || !string.IsNullOrEmpty(query.Source) || !string.IsNullOrEmpty(query.Locale) || query.ImportRunId is not null;
        if (query.Labeled is { } labeled)
            questions = labeled
                ? questions.Where(q => q.FinalIntentId != null || q.FinalOutOfScope)
                : questions.Where(q => q.FinalIntentId == null && !q.FinalOutOfScope);
        if (!string.IsNullOrEmpty(query.Source)) questions = questions.Where(q => q.Source == query.Source);
        if (!string.IsNullOrEmpty(query.Locale)) questions = questions.Where(q => q.Locale == query.Locale);
        if (query.ImportRunId is { } run) questions = questions.Where(q => q.ImportRunId == run);

        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search;
        var oldestFirst = query.OldestFirst;
        var (ids, total) = search is null ? await PageAsync(questions, pageSize, query.Page, oldestFirst, ct)
            : QuestionSearch.UsesIndexedSearch(db, search) ? await IndexedSearch.FindAsync(db, questions, filtered, search, pageSize, query.Page, oldestFirst, ct)
            : await PageAsync(QuestionSearch.Filter(questions, search), pageSize, query.Page, oldestFirst, ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new QuestionPage(await RowsAsync(ids, oldestFirst, ct), total, Math.Clamp(query.Page, 1, pageCount), pageSize);
    }

    private static async Task<(IReadOnlyList<long> Ids, int Total)> PageAsync(
        IQueryable<Question> questions, int pageSize, int page, bool oldestFirst, CancellationToken ct)
    {
        var total = await questions.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var skip = (Math.Clamp(page, 1, pageCount) - 1) * pageSize;
        return (await InOrder(questions, oldestFirst).Skip(skip).Take(pageSize).Select(q => q.Id).ToListAsync(ct), total);
    }

    private static IQueryable<Question> InOrder(IQueryable<Question> questions, bool oldestFirst) =>
        oldestFirst ? questions.OrderBy(q => q.Id) : questions.OrderByDescending(q => q.Id);

    /// <summary>The rows of one page, in the list's order, with the keys of their intents.</summary>
    private async Task<IReadOnlyList<QuestionRow>> RowsAsync(IReadOnlyList<long> ids, bool oldestFirst, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new
            {
                q.Id, q.ExternalId, q.Text, q.Locale, q.Source, q.Channel, q.CreatedAt, q.ImportRunId,
                q.FinalIntentId, q.FinalOutOfScope, q.PredictedIntentId, q.PredictedConfidence,
            })
            .ToListAsync(ct);

        var intentIds = rows.SelectMany(r => new[] { r.FinalIntentId, r.PredictedIntentId }).OfType<int>().Distinct().ToList();
        var keys = intentIds.Count == 0 ? [] : await db.Intents.AsNoTracking().Where(i => intentIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Key, ct);
        return (oldestFirst ? rows.OrderBy(r => r.Id) : rows.OrderByDescending(r => r.Id)).Select(r => new QuestionRow(
            r.Id, r.ExternalId, r.Text, r.Locale, r.Source, r.Channel, r.CreatedAt, r.ImportRunId,
            r.FinalIntentId is { } f ? keys.GetValueOrDefault(f) : null, r.FinalOutOfScope,
            r.PredictedIntentId is { } p ? keys.GetValueOrDefault(p) : null, r.PredictedConfidence)).ToList();
    }

    /// <summary>Values the filters offer: the sources and locales present, with overall counts.</summary>
    public async Task<QuestionFacets> FacetsAsync(CancellationToken ct = default)
    {
        var sources = await db.Questions.AsNoTracking().Where(q => q.Source != null).Select(q => q.Source!).Distinct().OrderBy(s => s).Take(200).ToListAsync(ct);
        var locales = await db.Questions.AsNoTracking().Where(q => q.Locale != null).Select(q => q.Locale!).Distinct().OrderBy(l => l).Take(100).ToListAsync(ct);
        var total = await db.Questions.CountAsync(ct);
        var labeled = await db.Questions.CountAsync(q => q.FinalIntentId != null || q.FinalOutOfScope, ct);
        return new QuestionFacets(sources, locales, total, labeled);
    }

    /// <summary>Newest import runs first.</summary>
    public async Task<IReadOnlyList<ImportRunSummary>> ListImportRunsAsync(int take = 20, CancellationToken ct = default)
    {
        var runs = await (from r in db.ImportRuns.AsNoTracking()
                          join u in db.Users on r.CreatedById equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          orderby r.Id descending
                          select new { Run = r, Name = u == null ? null : u.DisplayName })
            .Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return runs.Select(x => ImportRunReport.Summarize(x.Run, x.Name)).ToList();
    }

    public async Task<ImportRunDetails> GetImportRunAsync(long id, CancellationToken ct = default)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException(CodedMessage.Of(QuestionRefusal.ImportRunMissing, id));
        var name = run.CreatedById is null ? null
            : await db.Users.Where(u => u.Id == run.CreatedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return ImportRunReport.Read(run, name);
    }
}
