using System.Text;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The question list's search: the question text contains the query (case-insensitive, as the database's
/// <c>lower()</c> folds it), or the external id equals it. A query of 3+ characters is answered from the trigram
/// index of migrations 0004/0015 — FTS5 over the lowered text on SQLite (<see cref="SqliteIndexedSearch"/>), pg_trgm
/// on PostgreSQL — so it costs in proportion to the matches, not to the table. A query of 1–2 characters
/// (frequent in Chinese: 充值, 主播) holds no whole trigram; it scans the texts, with the same results, and is
/// what the per-user rate limit of the page guards against (pg_trgm scans for these too).
/// </summary>
internal static class QuestionSearch
{
    /// <summary>Fewer characters than this cannot use a trigram index.</summary>
    public const int IndexedMinLength = 3;

    /// <summary>What the texts are compared with: the trimmed query, lowered.</summary>
    public static string Term(string search) => search.Trim().ToLowerInvariant();

    /// <summary>What the external ids are compared with: the trimmed query as typed.</summary>
    public static string ExternalId(string search) => search.Trim();

    /// <summary>True when SQLite's FTS5 index answers this search (see <see cref="SqliteIndexedSearch"/>).</summary>
    public static bool UsesSqliteIndex(PuoDbContext db, string search) => db.Database.IsSqlite() && IsIndexable(Term(search));

    /// <summary>The search as a filter: a scan for short queries, the pg_trgm index on PostgreSQL.</summary>
    public static IQueryable<Question> Filter(PuoDbContext db, IQueryable<Question> questions, string search)
    {
        var externalId = ExternalId(search);
        var term = Term(search);
        var pattern = "%" + EscapeLike(term) + "%";
        if (db.Database.IsSqlite())
        {
            // The same answer as lower("Text") containing the term, without lowering a copy of every text (2-3 times
            // less CPU per scanned row): lower() changes only A-Z, so a term without ASCII letters is found in the text
            // as it is; and SQLite's LIKE ignores case for A-Z only, exactly as lower() folds.
            if (!term.Any(char.IsAsciiLetter))
                return questions.Where(q => q.Text.Contains(term) || q.ExternalId == externalId);
            return questions.Where(q => EF.Functions.Like(q.Text, pattern, "\\") || q.ExternalId == externalId);
        }
        // PostgreSQL: LIKE on lower("Text") is what the GIN index on that expression serves (and the scan of 1-2 characters).
#pragma warning disable CA1862 // lower() is the search's definition; the StringComparison overload does not translate
        return questions.Where(q => EF.Functions.Like(q.Text.ToLower(), pattern, "\\") || q.ExternalId == externalId);
#pragma warning restore CA1862
    }

    /// <summary>True when the query has a whole trigram (characters, not UTF-16 units: an emoji is one).</summary>
    public static bool IsIndexable(string term)
    {
        var runes = 0;
        foreach (var _ in term.EnumerateRunes())
            if (++runes >= IndexedMinLength) return true;
        return false;
    }

    private static string EscapeLike(string term)
    {
        var escaped = new StringBuilder(term.Length + 8);
        foreach (var c in term)
        {
            if (c is '\\' or '%' or '_') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
