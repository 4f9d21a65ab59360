using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// A search of 3+ characters on SQLite, driven by the FTS5 index of migration 0015, which holds the lowered text
/// and so matches exactly what the scan would. The index is the outer loop: it hands out matching ids newest
/// first (FTS5 reads rowids in descending order), so the page needs only its own rows, and the total is counted
/// in the index alone, without reading a question. With another filter (label state, source, locale, import run)
/// the matches are joined to "Questions" and counted there. Measured at 968,482 questions in
/// docs/benchmarks.md ("Question list search").
/// </summary>
internal static class SqliteIndexedSearch
{
    /// <param name="questions">The questions the other filters of the list leave.</param>
    /// <param name="filtered">False when <paramref name="questions"/> is the whole table.</param>
    public static async Task<(IReadOnlyList<long> PageIds, int Total)> FindAsync(
        PuoDbContext db, IQueryable<Question> questions, bool filtered, string search, int pageSize, int page, CancellationToken ct)
    {
        var term = QuestionSearch.Term(search);
        var externalId = QuestionSearch.ExternalId(search);
        var phrase = Phrase(term);

        // Rows found only by their external id (its own index; almost always none).
#pragma warning disable CA1862 // lower() + contains is the search's definition on both providers
        var byExternalId = await questions.Where(q => q.ExternalId == externalId && !q.Text.ToLower().Contains(term))
            .Select(q => q.Id).ToListAsync(ct);
#pragma warning restore CA1862

        // Without other filters every indexed row is a question, so the index answers alone. (Composed through EF, the
        // join to "Questions" gets a CAST on the id that hides the rowid order from SQLite's planner: 1 s instead of 1 ms.)
        var matches = db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "QuestionSearch" WHERE "QuestionSearch" MATCH {phrase}""");
        var byText = questions.Where(q => matches.Contains(q.Id));
        var textTotal = filtered
            ? await byText.CountAsync(ct)
            : await db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "QuestionSearch" WHERE "QuestionSearch" MATCH {phrase}""").SingleAsync(ct);
        var total = textTotal + byExternalId.Count;

        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var skip = (Math.Clamp(page, 1, pageCount) - 1) * pageSize;
        var newest = skip + pageSize;
        var newestByText = filtered
            ? await byText.OrderByDescending(q => q.Id).Select(q => q.Id).Take(newest).ToListAsync(ct)
            : await db.Database.SqlQuery<long>(
                $"""SELECT rowid AS "Value" FROM "QuestionSearch" WHERE "QuestionSearch" MATCH {phrase} ORDER BY rowid DESC LIMIT {newest}""").ToListAsync(ct);
        var pageIds = newestByText.Concat(byExternalId).OrderDescending().Skip(skip).Take(pageSize).ToList();
        return (pageIds, total);
    }

    /// <summary>An FTS5 phrase: the query as one quoted string, so no character in it is query syntax.</summary>
    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
