using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Cli;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Annotation;

public class LabelExportTests
{
    /// <summary>10 × refund, 5 × login, 1 × out-of-scope, 1 × rare — plus rows that must not be exported.</summary>
    private static async Task<AnnotationDatabase> SeedAsync(DatabaseProvider? provider = null)
    {
        var env = await AnnotationDatabase.CreateAsync(provider);
        var intents = await env.AddIntentsAsync("refund", "login", "rare");
        await env.AddQuestionsAsync(21, (i, q) =>
        {
            (q.FinalIntentId, q.FinalOutOfScope, q.FinalLabelSource) = i switch
            {
                <= 10 => ((int?)intents[0], false, (string?)(i % 2 == 0 ? "consensus" : "adjudicated")),
                <= 15 => (intents[1], false, "consensus"),
                16 => (null, true, "adjudicated"),
                17 => (intents[2], false, "consensus"),
                18 => (intents[1], false, "model"), // not a human final label
                _ => (null, false, null),            // unlabeled
            };
            if (i == 1) q.Text = "充值失败了, \"怎么办\"";
        });
        return env;
    }

    private static async Task<(string Text, LabelExportSummary Summary)> ExportAsync(AnnotationDatabase env, LabelExportFormat format, int seed)
    {
        await using var db = env.Context();
        var writer = new StringWriter();
        var summary = await new LabelExportService(db, NullLogger<LabelExportService>.Instance)
            .ExportAsync(writer, new LabelExportRequest(format, 0.2, seed), Ct);
        return (writer.ToString(), summary);
    }

    [Fact]
    public async Task Export_SplitsEachLabelByTheTestShareAndKeepsSinglesInTrain()
    {
        await using var env = await SeedAsync();

        var (_, summary) = await ExportAsync(env, LabelExportFormat.Csv, seed: 3);

        Assert.Equal(17, summary.Rows);
        Assert.Equal(new LabelSplitCount(8, 2), summary.PerLabel["refund"]);
        Assert.Equal(new LabelSplitCount(4, 1), summary.PerLabel["login"]);
        Assert.Equal(new LabelSplitCount(1, 0), summary.PerLabel["oos"]);
        Assert.Equal(new LabelSplitCount(1, 0), summary.PerLabel["rare"]);
        Assert.Equal(3, summary.Test);
    }

    [Fact]
    public async Task Export_IsDeterministicForASeed()
    {
        await using var env = await SeedAsync();

        var first = await ExportAsync(env, LabelExportFormat.Csv, seed: 3);
        var again = await ExportAsync(env, LabelExportFormat.Csv, seed: 3);
        var other = await ExportAsync(env, LabelExportFormat.Csv, seed: 4);

        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(first.Text, other.Text);
        var lines = first.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text,label,split", lines[0]);
        Assert.StartsWith("\"充值失败了, \"\"怎么办\"\"\",refund,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportLabelsCommand_WritesJsonlAndPrintsASummary()
    {
        // The command opens the workspace named by --data-dir, which is a SQLite file.
        await using var env = await SeedAsync(DatabaseProvider.Sqlite);
        var path = Path.Combine(env.Options.DataDir, "labels.jsonl");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await PuoCli.RunAsync(["export", "labels", "--format", "jsonl", "--out", path, "--seed", "3", "--json", "--data-dir", env.Options.DataDir],
            stdout, stderr, TextReader.Null);

        Assert.True(exit == PuoCli.Ok, stderr.ToString());
        var rows = (await File.ReadAllLinesAsync(path, Ct)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(17, rows.Count);
        Assert.Equal("充值失败了, \"怎么办\"", rows[0].GetProperty("text").GetString());
        Assert.Contains("充值失败了", (await File.ReadAllTextAsync(path, Ct)), StringComparison.Ordinal); // not \u-escaped
        Assert.Equal(3, rows.Count(r => r.GetProperty("split").GetString() == "test"));
        using var summary = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(17, summary.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(3, summary.RootElement.GetProperty("test").GetInt32());
    }

    [Fact]
    public async Task ExportLabelsCommand_RejectsABadTestShareAsUsageError()
    {
        await using var env = await SeedAsync(DatabaseProvider.Sqlite);
        var stderr = new StringWriter();

        var exit = await PuoCli.RunAsync(["export", "labels", "--out", Path.Combine(env.Options.DataDir, "x.csv"), "--test-share", "1.5", "--data-dir", env.Options.DataDir],
            new StringWriter(), stderr, TextReader.Null);

        Assert.Equal(PuoCli.BadUsage, exit);
        Assert.Contains("--test-share", stderr.ToString(), StringComparison.Ordinal);
    }
}
