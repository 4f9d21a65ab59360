using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// A search driven by an index that matches exactly what the scan would. On SQLite, one of the two FTS5 indexes over
/// the lowered text: the trigram index of migration 0015 for 3+ characters, the 1-2 character gram index of 0016 for
/// shorter queries. On PostgreSQL, for 1-2 characters only, the GIN index of 0016 over the set of 1-2 character
/// sequences of lower("Text") (3+ characters use pg_trgm through <see cref="QuestionSearch.Filter"/>). The index is the outer loop: it hands out matching ids newest first (FTS5 reads rowids in
/// descending order), so the page needs only its own rows, and the total is counted in the index alone, without
/// reading a question. With another filter (label state, source, locale, import run) the matches are joined to
/// "Questions" and counted there (always on PostgreSQL, whose planner turns that into a semi-join on the index).
/// On SQLite, questions an import stored above the search watermark (migration 0018) are not in the indexes yet:
/// they are scanned with the plain test and added to the index's answer (the two sets are disjoint), all read in one
/// snapshot. Measured at 968,482 questions in docs/benchmarks.md ("Question list search").
/// </summary>
internal static class IndexedSearch
{
    /// <param name="questions">The questions the other filters of the list leave.</param>
    /// <param name="filtered">False when <paramref name="questions"/> is the whole table.</param>
    public static async Task<(IReadOnlyList<long> PageIds, int Total)> FindAsync(
        PuoDbContext db, IQueryable<Question> questions, bool filtered, string search, int pageSize, int page, bool oldestFirst,
        CancellationToken ct)
    {
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is not null)
            return await FindInSnapshotAsync(db, questions, filtered, search, pageSize, page, oldestFirst, ct);
        // The watermark, the indexes and the scanned tail must come from one snapshot, or a catch-up committing in between
        // would count its chunk twice. A deferred transaction only reads: it takes no write lock.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var snapshot = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(snapshot, ct);
            try
            {
                return await FindInSnapshotAsync(db, questions, filtered, search, pageSize, page, oldestFirst, ct);
            }
            finally
            {
                await db.Database.UseTransactionAsync(null, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(IReadOnlyList<long> PageIds, int Total)> FindInSnapshotAsync(
        PuoDbContext db, IQueryable<Question> questions, bool filtered, string search, int pageSize, int page, bool oldestFirst,
        CancellationToken ct)
    {
        var term = QuestionSearch.Term(search);
        var externalId = QuestionSearch.ExternalId(search);
        var shortTerm = !QuestionSearch.IsIndexable(term);
        // Table names are one of two constants and the page bound an int; the query is always a parameter (an FTS5 phrase:
        // no character in it is query syntax). So the raw SQL below is built from no user text.
#pragma warning disable EF1002, EF1003
        var (table, phrase) = shortTerm ? ("QuestionGrams", Phrase(QuestionGramText.Token(term))) : ("QuestionSearch", Phrase(term));
        var match = $$"""FROM "{{table}}" WHERE "{{table}}" MATCH {0}""";
        var postgres = !db.Database.IsSqlite();
        filtered |= postgres;
        var watermark = await QuestionSearchLag.ReadAsync(db, ct);

        // Rows found only by their external id (its own index; almost always none).
#pragma warning disable CA1862 // lower() + contains is the search's definition on both providers
        var byExternalId = await questions.Where(q => q.ExternalId == externalId && !q.Text.ToLower().Contains(term))
            .Select(q => q.Id).ToListAsync(ct);
        // Rows not indexed yet, by the search's own definition (only while an import's rows wait for the catch-up).
        var upTo = watermark ?? long.MaxValue;
        var tail = questions.Where(q => q.Id > upTo && q.Text.ToLower().Contains(term));

        // Without other filters every indexed row is a question, so the index answers alone. (Composed through EF, the
        // join to "Questions" gets a CAST on the id that hides the rowid order from SQLite's planner: 1 s instead of 1 ms.)
        var matches = postgres
            ? db.Database.SqlQueryRaw<long>(
                """SELECT "Id" AS "Value" FROM "Questions" WHERE puo_question_grams(lower("Text")) @> ARRAY[{0}]::text[]""", term)
            : db.Database.SqlQueryRaw<long>("""SELECT rowid AS "Value" """ + match, phrase);
        var byText = watermark is null
            ? questions.Where(q => matches.Contains(q.Id))
            : questions.Where(q => matches.Contains(q.Id) || (q.Id > upTo && q.Text.ToLower().Contains(term)));
#pragma warning restore CA1862
        var textTotal = filtered ? await byText.CountAsync(ct)
            // One gram is one token: the vocabulary table reads its row count from the index's list in one pass.
            : (shortTerm ? await db.Database.SqlQueryRaw<int>(
                """SELECT coalesce(sum("doc"), 0) AS "Value" FROM "QuestionGramsVocab" WHERE "term" = {0}""",
                QuestionGramText.Token(term).ToLowerInvariant()).SingleAsync(ct)
            : await db.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" """ + match, phrase).SingleAsync(ct))
              + (watermark is null ? 0 : await tail.CountAsync(ct));
        var total = textTotal + byExternalId.Count;

        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var skip = (Math.Clamp(page, 1, pageCount) - 1) * pageSize;
        var first = skip + pageSize;
        var firstByText = (filtered, oldestFirst) switch
        {
            (true, false) => await byText.OrderByDescending(q => q.Id).Select(q => q.Id).Take(first).ToListAsync(ct),
            (true, true) => await byText.OrderBy(q => q.Id).Select(q => q.Id).Take(first).ToListAsync(ct),
            (false, false) => await db.Database.SqlQueryRaw<long>(
                $"""SELECT rowid AS "Value" {match} ORDER BY rowid DESC LIMIT {first}""", phrase).ToListAsync(ct),
            (false, true) => await db.Database.SqlQueryRaw<long>(
                $"""SELECT rowid AS "Value" {match} ORDER BY rowid LIMIT {first}""", phrase).ToListAsync(ct),
        };
#pragma warning restore EF1002, EF1003
        if (!filtered && watermark is not null)
            firstByText.AddRange(await (oldestFirst ? tail.OrderBy(q => q.Id) : tail.OrderByDescending(q => q.Id)).Select(q => q.Id).Take(first).ToListAsync(ct));
        var merged = firstByText.Concat(byExternalId);
        var pageIds = (oldestFirst ? merged.Order() : merged.OrderDescending()).Skip(skip).Take(pageSize).ToList();
        return (pageIds, total);
    }

    /// <summary>An FTS5 phrase: the query as one quoted string, so no character in it is query syntax.</summary>
    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
