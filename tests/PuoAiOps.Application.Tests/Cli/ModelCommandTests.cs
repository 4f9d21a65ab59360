using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Tests.Classifier;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Cli;

public sealed class ModelCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ModelVerbs_TrainPromoteListBatch_AndRefuseWhatCannotBeDone()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 20, outOfScope: 8, unlabeled: 12);
        var dir = bed.Options.DataDir;

        var empty = await CliRunner.RunAsync("model", "list", "--data-dir", dir);
        Assert.Equal(0, empty.ExitCode);
        Assert.Contains("No model versions yet", empty.Out, StringComparison.Ordinal);
        var noServing = await CliRunner.RunAsync("model", "batch", "--data-dir", dir);
        Assert.Equal(2, noServing.ExitCode);
        Assert.Contains("No model version serves yet", noServing.Error, StringComparison.Ordinal);

        var train = await CliRunner.RunAsync("model", "train", "--data-dir", dir, "--name", "cli-one", "--c", "0.8", "--promote");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Matches(@"^Trained #1 cli-one: accuracy \d+\.\d %, macro-F1 \d+\.\d % on \d+ test questions \(\d+ trained\); serving\.", train.Out);
        Assert.Contains("Training on", train.Error, StringComparison.Ordinal);

        var list = await CliRunner.RunAsync("model", "list", "--data-dir", dir, "--json");
        var versions = JsonDocument.Parse(list.Out).RootElement;
        Assert.Equal(1, versions.GetArrayLength());
        Assert.True(versions[0].GetProperty("isServing").GetBoolean());

        var batch = await CliRunner.RunAsync("model", "batch", "--data-dir", dir);
        Assert.True(batch.ExitCode == 0, batch.Error);
        Assert.StartsWith("Classified 12 unlabeled questions with version #1", batch.Out, StringComparison.Ordinal);
        await using (var db = bed.NewContext())
            Assert.Equal(12, await db.Questions.CountAsync(q => q.PredictedByModelId == 1, Ct));

        var show = await CliRunner.RunAsync("model", "show", "1", "--data-dir", dir);
        Assert.Contains("precision", show.Out, StringComparison.Ordinal);
        Assert.Contains("stream_lag", show.Out, StringComparison.Ordinal);

        var rollback = await CliRunner.RunAsync("model", "rollback", "--data-dir", dir);
        Assert.Equal(2, rollback.ExitCode);
        Assert.Contains("no earlier serving version", rollback.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await CliRunner.RunAsync("model", "promote", "99", "--data-dir", dir)).ExitCode);
        var llm = await CliRunner.RunAsync("model", "evaluate-llm", "--data-dir", dir);
        Assert.Equal(2, llm.ExitCode);
        Assert.Contains("No LLM endpoint is configured", llm.Error, StringComparison.Ordinal);
    }
}
