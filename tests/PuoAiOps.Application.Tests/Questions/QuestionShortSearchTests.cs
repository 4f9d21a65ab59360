using System.Text;
using CsCheck;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Application.Tests.Annotation;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Questions;

/// <summary>
/// Searches of 1-2 characters are answered by the gram index of migration 0016 (FTS5 on SQLite, GIN on PostgreSQL);
/// they must answer exactly what the brute-force scan answers: lower(text) contains the lowered query.
/// </summary>
public class QuestionShortSearchTests
{
    private static readonly string[] Words = ["gift", "Rocket", "COINS", "log", "in", "pk", "ID", "recharge", "stream", "é", "É", "\u212A", "k"];
    private static readonly string[] Hanzi = ["充", "值", "主", "播", "礼", "物", "卡", "没", "有", "到", "账", "金", "币", "🎁"];
    private static readonly string[] Marks = [" ", "  ", ",", "，", "？", "%", "_", "\\", "\"", "'", "*", "-", "7"];

    /// <summary>English words, Chinese characters, or both mixed, with spaces and punctuation between.</summary>
    private static Gen<string> Text(string[] script) =>
        Gen.OneOf(Gen.OneOf(script), Gen.OneOf(Marks)).Array[1, 14].Select(parts => string.Concat(parts));

    private static readonly Gen<string> English = Text(Words);
    private static readonly Gen<string> Chinese = Text(Hanzi);
    private static readonly Gen<string> Mixed = Text([.. Words, .. Hanzi]);

    /// <summary>The same kinds of text, drawn from a fixed seed (the stored rows of a test).</summary>
    private static string[] Texts(int count, int seed)
    {
        var random = new Random(seed);
        string[][] scripts = [Words, Hanzi, [.. Words, .. Hanzi]];
        return Enumerable.Range(0, count).Select(_ =>
        {
            var script = scripts[random.Next(scripts.Length)];
            return string.Concat(Enumerable.Range(0, random.Next(1, 15))
                .Select(_ => random.Next(3) == 0 ? Marks[random.Next(Marks.Length)] : script[random.Next(script.Length)]));
        }).ToArray();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ShortSearch_EqualsTheScan_OnEnglishChineseAndMixedTexts(DatabaseProvider provider)
    {
        await using var env = await AnnotationDatabase.CreateAsync(provider);
        var texts = Texts(240, seed: 20261206);
        await env.AddQuestionsAsync(texts.Length, (i, q) => (q.Text, q.ExternalId, q.Locale) = (texts[i - 1], $"x{i % 7}", i % 3 == 0 ? "en" : null));

        // One or two characters: from a stored text (case flipped), or any piece (often matching nothing), or an external id.
        var fromText = Gen.Select(Gen.Int[0, texts.Length - 1], Gen.Int[0, 30], Gen.Int[1, 2], Gen.Bool, (t, start, length, upper) =>
        {
            var runes = texts[t].EnumerateRunes().ToArray();
            var part = string.Concat(runes.Skip(Math.Min(start, runes.Length - 1)).Take(length).Select(r => r.ToString()));
            return upper ? part.ToUpperInvariant() : part;
        });
        var piece = Gen.OneOf<string>([.. Words.Where(w => w.Length <= 2), .. Hanzi, .. Marks.Where(m => m.Trim().Length > 0)]);
        var query = Gen.OneOf(fromText, piece, Gen.Int[0, 6].Select(i => $"x{i}"), fromText.Select(q => " " + q + "  "));

        await Gen.Select(query, Gen.Int[1, 60], Gen.Int[1, 3], Gen.Bool, Gen.Bool).SampleAsync(async (q, pageSize, page, onlyEnglish, oldestFirst) =>
        {
            await using var db = env.Context();
            var expected = await ScanAsync(db, q, onlyEnglish ? "en" : null, oldestFirst);
            var found = await new QuestionBrowser(db).ListAsync(
                new QuestionQuery(Search: q, Locale: onlyEnglish ? "en" : null, Page: page, PageSize: pageSize, OldestFirst: oldestFirst), Ct);
            Assert.Equal(expected.Count, found.Total);
            Assert.Equal(expected.Skip((found.Page - 1) * pageSize).Take(pageSize), found.Rows.Select(r => r.Id));
        }, iter: 250, threads: 1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ShortSearch_FollowsUpdatesAndDeletes(DatabaseProvider provider)
    {
        await using var env = await AnnotationDatabase.CreateAsync(provider);
        var ids = await env.AddQuestionsAsync(4, (i, q) => q.Text = i switch { 1 => "充值卡", 2 => "PK gift", 3 => "主播 pk", _ => "卡" });
        await using var db = env.Context();
        await db.Questions.Where(q => q.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(q => q.Text, "礼物"), Ct);
        await db.Questions.Where(q => q.Id == ids[2]).ExecuteDeleteAsync(Ct);

        foreach (var q in new[] { "卡", "充值", "礼", "pk", "K", "g", "播", "物" })
        {
            var expected = await ScanAsync(db, q, null, oldestFirst: false);
            var found = await new QuestionBrowser(db).ListAsync(new QuestionQuery(Search: q), Ct);
            Assert.Equal(expected, found.Rows.Select(r => r.Id));
            Assert.Equal(expected.Count, found.Total);
        }
        Assert.Equal([ids[3]], (await new QuestionBrowser(db).ListAsync(new QuestionQuery(Search: "卡"), Ct)).Rows.Select(r => r.Id));
    }

    /// <summary>
    /// The import stores its rows, the catch-up indexes them in bulk with the application's copy of the grams: searches find
    /// its rows as they find any other, before (scanned) and after (indexed), and the triggers are on again after it.
    /// </summary>
    [Fact]
    public async Task ShortSearch_FindsImportedQuestions_AndTheCatchUpLeavesTheTriggersOn()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var texts = Texts(300, seed: 7);
        var csv = new StringBuilder("text\n");
        foreach (var text in texts.Distinct()) csv.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\n");
        await ws.Service(new ImportOptions { BatchSize = 70 }).ImportFileAsync(ws.WriteFile("q.csv", csv.ToString()), ct: Ct);

        var db = ws.NewContext();
        var catchUp = new QuestionSearchCatchUp(db, Microsoft.Extensions.Options.Options.Create(new ImportOptions { BatchSize = 70 }));
        Assert.True(await catchUp.IsBehindAsync(Ct));
        await SearchEqualsTheScanAsync(db);
        Assert.True((await catchUp.RunAsync(ct: Ct)).Indexed > 200);
        Assert.False(await catchUp.IsBehindAsync(Ct));

        db.Questions.Add(new Question { Text = "后来加的 PK 卡", TextHash = "later", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(Ct);
        var later = await db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "QuestionGrams" WHERE "QuestionGrams" MATCH '"E58DA1"' ORDER BY rowid DESC LIMIT 1""").SingleAsync(Ct);
        Assert.Equal(await db.Questions.MaxAsync(q => q.Id, Ct), later);
        await SearchEqualsTheScanAsync(db);
    }

    private static async Task SearchEqualsTheScanAsync(PuoDbContext db)
    {
        foreach (var q in new[] { "卡", "充值", "pk", "g", "K", "，", " i", "gift", "主播", "礼物卡", "x" })
        {
            var expected = await ScanAsync(db, q, null, oldestFirst: false);
            var found = await new QuestionBrowser(db).ListAsync(new QuestionQuery(Search: q, PageSize: QuestionBrowser.MaxPageSize), Ct);
            Assert.Equal(expected.Count, found.Total);
            Assert.Equal(expected.Take(QuestionBrowser.MaxPageSize), found.Rows.Select(r => r.Id));
        }
    }

    /// <summary>The triggers build the grams in SQL, the import in C#: a contentless index needs the very same tokens to forget a row.</summary>
    [Fact]
    public async Task GramDocument_EqualsWhatTheTriggerBuilds()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        await using var db = ws.NewContext();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT group_concat(hex(substr(t, key + 1, 1)) || ' ' || hex(substr(t, key + 1, 2)), ' ')
                    FROM (SELECT lower($text) AS t), json_each('[' || replace(hex(zeroblob(length($text))), '00', '0,') || '0]')
                    WHERE key < length(t))
            """;
        var parameter = command.Parameters.Add("$text", SqliteType.Text);
        var text = Gen.OneOf(English, Chinese, Mixed, Gen.String, Gen.Const(""), Gen.Char.Array[1, 3].Select(c => new string(c)));
        await text.SampleAsync(async t =>
        {
            parameter.Value = t;
            var sql = await command.ExecuteScalarAsync(Ct);
            Assert.Equal(sql as string, QuestionGramText.Document(t));
        }, iter: 2000, threads: 1);
    }

    private static async Task<List<long>> ScanAsync(PuoDbContext db, string search, string? locale, bool oldestFirst)
    {
        var term = search.Trim().ToLowerInvariant();
        var externalId = search.Trim();
#pragma warning disable CA1862 // lower() + Contains is the statement being compared against
        var scan = db.Questions.AsNoTracking().Where(q => q.Text.ToLower().Contains(term) || q.ExternalId == externalId);
#pragma warning restore CA1862
        if (locale is not null) scan = scan.Where(q => q.Locale == locale);
        return await (oldestFirst ? scan.OrderBy(q => q.Id) : scan.OrderByDescending(q => q.Id)).Select(q => q.Id).ToListAsync(Ct);
    }
}
