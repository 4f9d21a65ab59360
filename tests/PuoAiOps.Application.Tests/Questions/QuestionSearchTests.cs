using CsCheck;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Application.Tests.Annotation;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Questions;

/// <summary>
/// The indexed search (FTS5 trigram on SQLite, pg_trgm on PostgreSQL) must answer exactly what the plain scan
/// answered before it: lower(text) contains the lowered query, or the external id equals it.
/// </summary>
public class QuestionSearchTests
{
    // Pieces of texts and queries: English in both cases, Chinese, LIKE and FTS5 syntax characters, accents, an emoji,
    // and letters whose Unicode lower case is ASCII (the Kelvin sign, dotted capital I), which lower() leaves alone.
    private static readonly string[] Pieces =
    [
        "Rocket", "rocket", "gift", "GIFT", "coins", "log in", "auto-renew", "PK", "id", "充值", "主播", "礼物", "没有到账", "金币",
        "%", "_", "\\", "\"", "'", "*", "-", "+", "=", "@", "(", ")", ":", "^", ".", ",", "，", "？", " ", "  ", "É", "é", "ß", "🎁", "7", "42",
        "\u212A", "İ", "k", "KEY",
    ];

    private static readonly Gen<string> Piece = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Search_MatchesThePlainScan_ForGeneratedTextsAndQueries(DatabaseProvider provider)
    {
        await using var env = await AnnotationDatabase.CreateAsync(provider);
        var texts = await SeedAsync(env, 300, seed: 20261206);

        // Queries: random runs of pieces (1-6 characters and more), or a slice of a stored text with its case flipped here and there.
        var random = Gen.Int[1, 3].SelectMany(n => Piece.Array[n]).Select(p => string.Concat(p));
        var slice = Gen.Select(Gen.Int[0, texts.Count - 1], Gen.Int[0, 40], Gen.Int[1, 6], Gen.Bool, (t, start, length, flip) =>
        {
            // By characters, not UTF-16 units: half an emoji is not a string anyone can type.
            var runes = texts[t].EnumerateRunes().ToArray();
            var from = Math.Min(start, runes.Length - 1);
            var part = string.Concat(runes.Skip(from).Take(length).Select(r => r.ToString()));
            return flip ? part.ToUpperInvariant() : part;
        });
        var query = Gen.OneOf(random, slice, Gen.Int[0, 299].Select(i => $"ext-{i}"), random.Select(q => "  " + q + " "));

        // Any page of any size, with or without another filter (the locale: every other question has one).
        var request = Gen.Select(query, Gen.Int[1, QuestionBrowser.MaxPageSize], Gen.Int[1, 4], Gen.Bool);
        await request.SampleAsync(async (q, pageSize, pageNumber, onlyEnglish) =>
        {
            await using var db = env.Context();
            var scan = PlainScan(db, q);
            if (onlyEnglish) scan = scan.Where(x => x.Locale == "en");
            var expected = await scan.OrderByDescending(x => x.Id).Select(x => x.Id).ToListAsync(Ct);
            var page = await new QuestionBrowser(db).ListAsync(
                new QuestionQuery(Search: q, Locale: onlyEnglish ? "en" : null, Page: pageNumber, PageSize: pageSize), Ct);
            Assert.Equal(expected.Count, page.Total);
            Assert.Equal(expected.Skip((page.Page - 1) * pageSize).Take(pageSize), page.Rows.Select(r => r.Id));
        }, iter: 300, threads: 1);
    }

    [Fact]
    public async Task Search_FollowsInsertsUpdatesAndDeletes()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var ids = await env.AddQuestionsAsync(3, (i, q) => q.Text = i switch { 1 => "my rocket gift is gone", 2 => "主播没有收到火箭", _ => "login fails" });
        await using var db = env.Context();
        var browser = new QuestionBrowser(db);
        async Task<List<long>> Find(string q) => (await browser.ListAsync(new QuestionQuery(Search: q), Ct)).Rows.Select(r => r.Id).ToList();

        Assert.Equal([ids[0]], await Find("ROCKET"));
        Assert.Equal([ids[1]], await Find("收到火箭"));
        await db.Questions.Where(q => q.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(q => q.Text, "my castle gift is gone"), Ct);
        await db.Questions.Where(q => q.Id == ids[1]).ExecuteDeleteAsync(Ct);

        Assert.Empty(await Find("rocket"));
        Assert.Equal([ids[0]], await Find("castle"));
        Assert.Empty(await Find("收到火箭"));
        Assert.Equal([ids[2], ids[0]], await Find("gi")); // two characters: no whole trigram, answered by the scan
    }

    /// <summary>The search as it was before the index: a scan of every text (kept here as the reference).</summary>
    private static IQueryable<Question> PlainScan(PuoDbContext db, string search)
    {
        var term = search.Trim().ToLowerInvariant();
        var externalId = search.Trim();
#pragma warning disable CA1862 // lower() + Contains is the statement being compared against
        return db.Questions.AsNoTracking().Where(q => q.Text.ToLower().Contains(term) || q.ExternalId == externalId);
#pragma warning restore CA1862
    }

    private static async Task<List<string>> SeedAsync(AnnotationDatabase env, int count, int seed)
    {
        var random = new Random(seed);
        var texts = Enumerable.Range(0, count)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => Pieces[random.Next(Pieces.Length)])))
            .ToList();
        await env.AddQuestionsAsync(count, (i, q) => (q.Text, q.ExternalId, q.Locale) = (texts[i - 1], $"ext-{i - 1}", i % 2 == 0 ? "en" : null));
        return texts;
    }
}
