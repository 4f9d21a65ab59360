using System.Text;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The question list's search: the question text contains the query (case-insensitive, as the database's
/// <c>lower()</c> folds it), or the external id equals it. A query of 3+ characters is answered from the trigram
/// index of migrations 0004/0015 — FTS5 over the lowered text on SQLite (<see cref="IndexedSearch"/>), pg_trgm
/// on PostgreSQL — so it costs in proportion to the matches, not to the table. A query of 1–2 characters
/// (frequent in Chinese: 充值, 主播) holds no whole trigram; migration 0016 gives it an index of its own, over every
/// 1- and 2-character sequence of the lowered text (FTS5 on SQLite, GIN on PostgreSQL), also read by
/// <see cref="IndexedSearch"/>, with the same results as the scan.
/// </summary>
internal static class QuestionSearch
{
    /// <summary>Fewer characters than this cannot use a trigram index.</summary>
    public const int IndexedMinLength = 3;

    /// <summary>What the texts are compared with: the trimmed query, lowered.</summary>
    public static string Term(string search) => search.Trim().ToLowerInvariant();

    /// <summary>What the external ids are compared with: the trimmed query as typed.</summary>
    public static string ExternalId(string search) => search.Trim();

    /// <summary>
    /// True when <see cref="IndexedSearch"/> answers this search: always on SQLite (trigrams or 1-2 character grams),
    /// for 1-2 characters on PostgreSQL (the gram index; longer queries go through <see cref="Filter"/> and pg_trgm).
    /// </summary>
    public static bool UsesIndexedSearch(PuoDbContext db, string search) => db.Database.IsSqlite() || !IsIndexable(Term(search));

    /// <summary>The search as a filter, on PostgreSQL: LIKE on lower("Text"), which the pg_trgm index of 0004 serves.</summary>
    public static IQueryable<Question> Filter(IQueryable<Question> questions, string search)
    {
        var externalId = ExternalId(search);
        var pattern = "%" + EscapeLike(Term(search)) + "%";
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
