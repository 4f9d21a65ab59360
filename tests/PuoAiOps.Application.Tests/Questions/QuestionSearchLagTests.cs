using System.Text;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Questions;

/// <summary>
/// The import stores its rows first and indexes them for search afterwards (migration 0018, QuestionSearchCatchUp).
/// Before, during and after that catch-up, with edits, deletes and new questions on both sides of the watermark,
/// every search must answer exactly what the brute-force scan answers: lower(text) contains the lowered query, or
/// the external id equals it.
/// </summary>
public class QuestionSearchLagTests
{
    private static readonly string[] Pieces =
    [
        "gift", "Rocket", "COINS", "log in", "pk", "ID", "recharge", "é", "É", "\u212A", "k", "充", "值", "主播", "礼物", "卡", "没有到账",
        "金币", "🎁", " ", "  ", ",", "，", "？", "%", "_", "\\", "\"", "'", "*", "-", "7",
    ];

    [Fact]
    public async Task Search_EqualsTheScan_WhileTheImportedRowsWaitAndAfterEachCatchUpStep()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var texts = Texts(260, seed: 20261207);

        // Questions stored before the import go through the triggers (indexed at once).
        await using (var db = ws.NewContext())
        {
            for (var i = 0; i < 40; i++)
                db.Questions.Add(new Question { Text = texts[i], TextHash = $"before-{i}", ExternalId = $"e{i % 9}", Locale = i % 2 == 0 ? "en" : null, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }
        var csv = new StringBuilder("text,external_id,locale\n");
        for (var i = 40; i < texts.Length; i++)
            csv.Append(Csv(texts[i])).Append(",e").Append(i % 9).Append(',').Append(i % 2 == 0 ? "en" : "").Append('\n');
        var options = new ImportOptions { BatchSize = 50 };
        await ws.Service(options).ImportFileAsync(ws.WriteFile("q.csv", csv.ToString()), ct: Ct);

        var watermark = await Watermark(ws);
        Assert.NotNull(watermark);
        await CheckAsync(ws, texts, "every imported row waits");

        // Edits, deletes and a new question on both sides of the watermark while the rows wait.
        await ChangeAsync(ws, below: watermark!.Value, step: 1);
        await CheckAsync(ws, texts, "changed while waiting");

        // Part of the catch-up: two chunks of 50 rows, then more changes around the moved watermark.
        var partial = new QuestionSearchCatchUp(ws.NewContext(), Options.Create(options)) { MaxChunks = 2 };
        Assert.Equal(100, (await partial.RunAsync(ct: Ct)).Indexed);
        var moved = await Watermark(ws);
        Assert.True(moved > watermark, "the watermark moved up");
        await CheckAsync(ws, texts, "two chunks indexed");
        await ChangeAsync(ws, below: moved!.Value, step: 2);
        await CheckAsync(ws, texts, "changed after two chunks");

        // The rest: the watermark goes away and the triggers index what comes next.
        var catchUp = new QuestionSearchCatchUp(ws.NewContext(), Options.Create(options));
        Assert.True(await catchUp.IsBehindAsync(Ct));
        Assert.True((await catchUp.RunAsync(ct: Ct)).Indexed > 100);
        Assert.Null(await Watermark(ws));
        Assert.False(await catchUp.IsBehindAsync(Ct));
        await CheckAsync(ws, texts, "caught up");
        await ChangeAsync(ws, below: long.MaxValue, step: 3);
        await CheckAsync(ws, texts, "changed after the catch-up");
        Assert.Equal(0, (await catchUp.RunAsync(ct: Ct)).Indexed);
    }

    [Fact]
    public async Task CatchUp_RemovesAWatermarkWhoseRowsWereAllDeleted()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        await ws.Service().ImportFileAsync(ws.WriteDistinctRows("q.csv", 30), ct: Ct);
        await using var db = ws.NewContext();
        await db.Questions.ExecuteDeleteAsync(Ct);
        Assert.NotNull(await Watermark(ws));

        var result = await new QuestionSearchCatchUp(db, Options.Create(new ImportOptions())).RunAsync(ct: Ct);

        Assert.Equal(0, result.Indexed);
        Assert.Null(await Watermark(ws));
        db.Questions.Add(new Question { Text = "why did my gift not arrive", TextHash = "later", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(Ct);
        Assert.Equal(1, (await new QuestionBrowser(db).ListAsync(new QuestionQuery(Search: "gift"), Ct)).Total);
    }

    /// <summary>The search, any page of any size in either order, with and without another filter, against the scan.</summary>
    private static async Task CheckAsync(ImportWorkspace ws, string[] texts, string state)
    {
        var slice = Gen.Select(Gen.Int[0, texts.Length - 1], Gen.Int[0, 30], Gen.Int[1, 6], Gen.Bool, (t, start, length, upper) =>
        {
            var runes = texts[t].EnumerateRunes().ToArray();
            var part = string.Concat(runes.Skip(Math.Min(start, runes.Length - 1)).Take(length).Select(r => r.ToString()));
            return upper ? part.ToUpperInvariant() : part;
        });
        var query = Gen.OneOf(slice, Gen.OneOf(Pieces), Gen.Int[0, 9].Select(i => $"e{i}"), Gen.Const("edited text"), Gen.Const("新的"));
        await Gen.Select(query, Gen.Int[1, 40], Gen.Int[1, 4], Gen.Bool, Gen.Bool).SampleAsync(async (q, pageSize, page, onlyEnglish, oldestFirst) =>
        {
            await using var db = ws.NewContext();
            var term = q.Trim().ToLowerInvariant();
            var externalId = q.Trim();
#pragma warning disable CA1862 // lower() + Contains is the statement being compared against
            var scan = db.Questions.AsNoTracking().Where(x => x.Text.ToLower().Contains(term) || x.ExternalId == externalId);
#pragma warning restore CA1862
            if (onlyEnglish) scan = scan.Where(x => x.Locale == "en");
            var expected = await (oldestFirst ? scan.OrderBy(x => x.Id) : scan.OrderByDescending(x => x.Id)).Select(x => x.Id).ToListAsync(Ct);
            var found = await new QuestionBrowser(db).ListAsync(
                new QuestionQuery(Search: q, Locale: onlyEnglish ? "en" : null, Page: page, PageSize: pageSize, OldestFirst: oldestFirst), Ct);
            Assert.True(expected.Count == found.Total, $"{state}: '{q}' total {found.Total}, scan {expected.Count}");
            Assert.Equal(expected.Skip((found.Page - 1) * pageSize).Take(pageSize), found.Rows.Select(r => r.Id));
        }, iter: 200, threads: 1);
    }

    /// <summary>Edits one question and deletes another on each side of <paramref name="below"/>, and adds one.</summary>
    private static async Task ChangeAsync(ImportWorkspace ws, long below, int step)
    {
        await using var db = ws.NewContext();
        var ids = await db.Questions.OrderBy(q => q.Id).Select(q => q.Id).ToListAsync(Ct);
        var indexed = ids.Where(id => id <= below).ToList();
        var waiting = ids.Where(id => id > below).ToList();
        foreach (var side in new[] { indexed, waiting }.Where(s => s.Count >= 2 * step + 2))
        {
            var edit = side[step];
            await db.Questions.Where(q => q.Id == edit).ExecuteUpdateAsync(s => s.SetProperty(q => q.Text, $"Edited text {step} 卡"), Ct);
            var delete = side[side.Count - 1 - step];
            await db.Questions.Where(q => q.Id == delete).ExecuteDeleteAsync(Ct);
        }
        db.Questions.Add(new Question { Text = $"新的 Rocket gift {step}", TextHash = $"new-{step}", Locale = "en", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<long?> Watermark(ImportWorkspace ws)
    {
        await using var db = ws.NewContext();
        var values = await db.Database.SqlQuery<long>($"""SELECT "IndexedUpTo" AS "Value" FROM "QuestionSearchLag" """).ToListAsync(Ct);
        return values.Count == 0 ? null : values[0];
    }

    private static string[] Texts(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => Pieces[random.Next(Pieces.Length)])) + $" #{i}")
            .ToArray();
    }

    private static string Csv(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
