using System.Text;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The question list's search: the question text contains the query (case-insensitive, as the database's
/// <c>lower()</c> folds it), or the external id equals it. Answered from the trigram index of migration 0004 —
/// FTS5 on SQLite, pg_trgm on PostgreSQL — so it costs in proportion to the matches, not to the table.
/// A query of 1–2 characters (frequent in Chinese: 充值, 主播) holds no whole trigram; it scans the texts as
/// before, with the same results, and is what the per-user rate limit of the page guards against.
/// </summary>
internal static class QuestionSearch
{
    /// <summary>Fewer characters than this cannot use a trigram index.</summary>
    public const int IndexedMinLength = 3;

    public static IQueryable<Question> Apply(PuoDbContext db, IQueryable<Question> questions, string search)
    {
        var externalId = search.Trim();
        var term = externalId.ToLowerInvariant();
        // lower() + contains translate on SQLite and PostgreSQL alike; the StringComparison overload CA1862 suggests does not.
#pragma warning disable CA1862
        if (!IsIndexable(term)) return questions.Where(q => q.Text.ToLower().Contains(term) || q.ExternalId == externalId);

        if (db.Database.IsSqlite())
        {
            // The index finds the candidates; the same containment test as the scan then decides, so the results
            // do not depend on how FTS5 folds case beyond ASCII.
            var candidates = db.Database.SqlQuery<long>(
                $"""SELECT rowid AS "Value" FROM "QuestionSearch" WHERE "QuestionSearch" MATCH {Phrase(term)}""");
            return questions.Where(q => (candidates.Contains(q.Id) && q.Text.ToLower().Contains(term)) || q.ExternalId == externalId);
        }
#pragma warning restore CA1862
        // PostgreSQL: LIKE on lower("Text") is what the GIN index on that expression serves.
        var pattern = "%" + EscapeLike(term) + "%";
        return questions.Where(q => EF.Functions.Like(q.Text.ToLower(), pattern, "\\") || q.ExternalId == externalId);
    }

    /// <summary>True when the query has a whole trigram (characters, not UTF-16 units: an emoji is one).</summary>
    public static bool IsIndexable(string term)
    {
        var runes = 0;
        foreach (var _ in term.EnumerateRunes())
            if (++runes >= IndexedMinLength) return true;
        return false;
    }

    /// <summary>An FTS5 phrase: the query as one quoted string, so no character in it is query syntax.</summary>
    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

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
