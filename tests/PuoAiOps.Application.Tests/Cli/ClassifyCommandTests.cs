using System.Text;
using System.Text.Json;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Cli;

public sealed class ClassifyCommandTests : IDisposable
{
    private static readonly (string Label, string[] Phrases)[] Intents =
    [
        ("refund", ["i want a refund", "give my money back", "refund my order please", "charged twice need refund"]),
        ("password", ["reset my password", "forgot my password", "cannot login to my account", "account locked password"]),
        ("stream", ["how to start a live stream", "my stream is lagging", "go live with camera", "broadcast keeps freezing"]),
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("puo-classify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Eval_Json_PrintsOneObjectWithTheFigures()
    {
        var train = Write("train.csv", Rows(copies: 6, withOos: true));
        var test = Write("test.csv", Rows(copies: 2, withOos: true));
        var run = await CliRunner.RunAsync("classify", "eval", "--train", train, "--test", test, "--json", "--seed", "3");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Out).RootElement;
        foreach (var field in new[] { "accuracy", "macro_f1", "in_scope_accuracy", "oos_recall", "train_seconds", "predict_per_second" })
            Assert.True(json.GetProperty(field).GetDouble() >= 0, field);
        Assert.Equal(4, json.GetProperty("labels").GetInt32());
        Assert.True(json.GetProperty("accuracy").GetDouble() > 0.8);
    }

    [Fact]
    public async Task Eval_BadFile_Exits2AndNamesTheLine()
    {
        var train = Write("train.csv", Rows(copies: 3, withOos: false));
        var bad = Write("bad.csv", "text,label\nreset my password,password\nwhere is my refund,\n");
        var run = await CliRunner.RunAsync("classify", "eval", "--train", train, "--test", bad);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.csv: line 3: missing label", run.Error, StringComparison.Ordinal);

        var jsonl = Write("bad.jsonl", "{\"text\":\"hi\",\"label\":\"x\"}\n{oops}\n");
        var jsonRun = await CliRunner.RunAsync("classify", "eval", "--train", jsonl, "--test", train);
        Assert.Equal(2, jsonRun.ExitCode);
        Assert.Contains("line 2: invalid JSON", jsonRun.Error, StringComparison.Ordinal);

        var missing = await CliRunner.RunAsync("classify", "eval", "--train", Path.Combine(_dir, "nope.csv"), "--test", train);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("file not found", missing.Error, StringComparison.Ordinal);

        var single = Write("single.csv", "text,label\nreset my password,password\nforgot my password,password\n");
        foreach (var args in new[] { new[] { "classify", "eval", "--train", single, "--test", train }, ["classify", "train", "--data", single, "--out", Path.Combine(_dir, "m.bin")] })
        {
            var refused = await CliRunner.RunAsync(args);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("single.csv: Training data needs at least two distinct labels.", refused.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TrainThenPredict_UsesTheSavedModel()
    {
        var data = Write("data.csv", Rows(copies: 6, withOos: false));
        var model = Path.Combine(_dir, "model.bin");
        var train = await CliRunner.RunAsync("classify", "train", "--data", data, "--out", model, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Equal(new FileInfo(model).Length, JsonDocument.Parse(train.Out).RootElement.GetProperty("bytes").GetInt64());

        var predict = await CliRunner.RunAsync("classify", "predict", "I forgot my password", "--model", model, "--json");
        Assert.True(predict.ExitCode == 0, predict.Error);
        var json = JsonDocument.Parse(predict.Out).RootElement;
        Assert.Equal("password", json.GetProperty("label").GetString());
        Assert.Equal(3, json.GetProperty("top").GetArrayLength());

        var text = await CliRunner.RunAsync("classify", "predict", "my stream is lagging", "--model", model);
        Assert.StartsWith("stream (", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encoder_MiniLm_TrainsAModelThatPredictsParaphrases()
    {
        var data = Write("data.csv", Rows(copies: 6, withOos: false));
        var model = Path.Combine(_dir, "encoded.bin");
        var train = await CliRunner.RunAsync("classify", "train", "--data", data, "--out", model, "--encoder", "minilm", "--json");
        Assert.True(train.ExitCode == 0, train.Error);

        // No word of it is in the training data; the pre-trained encoder knows it is about signing in.
        var predict = await CliRunner.RunAsync("classify", "predict", "unable to sign in, credentials rejected", "--model", model, "--json");
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Equal("password", JsonDocument.Parse(predict.Out).RootElement.GetProperty("top")[0].GetProperty("label").GetString());

        var unknown = await CliRunner.RunAsync("classify", "train", "--data", data, "--out", model, "--encoder", "bert");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("bert", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainThenPredict_WithoutPaths_ShareTheModelInTheDataFolder_AndEvalLeavesItAlone()
    {
        var data = Write("data.csv", Rows(copies: 6, withOos: false));
        var workspace = Path.Combine(_dir, "workspace");
        var model = Path.Combine(workspace, "classifier", "model.bin");

        var eval = await CliRunner.RunAsync("classify", "eval", "--train", data, "--test", data, "--data-dir", workspace, "--json");
        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.False(Directory.Exists(workspace), "eval must not write a model into the workspace");

        var train = await CliRunner.RunAsync("--data-dir", workspace, "classify", "train", "--data", data, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Equal(model, JsonDocument.Parse(train.Out).RootElement.GetProperty("model").GetString());
        Assert.True(File.Exists(model));

        var predict = await CliRunner.RunAsync("classify", "predict", "I forgot my password", "--data-dir", workspace);
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.StartsWith("password (", predict.Out, StringComparison.Ordinal);

        var elsewhere = await CliRunner.RunAsync("classify", "predict", "I forgot my password", "--data-dir", Path.Combine(_dir, "other"));
        Assert.Equal(2, elsewhere.ExitCode);
        Assert.Contains("model file not found", elsewhere.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_WithoutAModelFile_Exits2()
    {
        var run = await CliRunner.RunAsync("classify", "predict", "hello", "--model", Path.Combine(_dir, "missing.bin"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("model file not found", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(257)]
    [InlineData(4_000)]
    [InlineData(100_000)]
    public async Task Predict_QuestionsLongerThan256Characters_Answer(int length)
    {
        var data = Write("data.csv", Rows(copies: 6, withOos: false));
        var model = Path.Combine(_dir, "model.bin");
        var train = await CliRunner.RunAsync("classify", "train", "--data", data, "--out", model);
        Assert.True(train.ExitCode == 0, train.Error);

        var question = Repeat("I forgot my password and cannot login ", length);
        var predict = await CliRunner.RunAsync("classify", "predict", question, "--model", model, "--json");
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Equal("password", JsonDocument.Parse(predict.Out).RootElement.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Eval_TestSetWithLongQuestions_Runs()
    {
        var train = Write("train.csv", Rows(copies: 6, withOos: true));
        // Test questions as long as CLINC150's longest (about 430 characters), and one of 120,000.
        var test = new StringBuilder("text,label\n");
        foreach (var (label, phrases) in Intents)
            foreach (var phrase in phrases) test.Append(Repeat(phrase + " ", 300 + phrase.Length)).Append(',').Append(label).Append('\n');
        test.Append(Repeat("my stream is lagging ", 120_000)).Append(",stream\n");
        var path = Write("test.csv", test.ToString());

        var run = await CliRunner.RunAsync("classify", "eval", "--train", train, "--test", path, "--json", "--seed", "3");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(JsonDocument.Parse(run.Out).RootElement.GetProperty("accuracy").GetDouble() > 0.8, run.Out);
    }

    private static string Repeat(string piece, int length) => string.Concat(Enumerable.Repeat(piece, length / piece.Length + 1))[..length];

    private static string Rows(int copies, bool withOos)
    {
        var csv = new StringBuilder("text,label\n");
        for (var c = 0; c < copies; c++)
        {
            foreach (var (label, phrases) in Intents)
                foreach (var phrase in phrases) csv.Append(phrase).Append(c % 2 == 0 ? "" : " now").Append(',').Append(label).Append('\n');
            if (withOos) csv.Append("what is the weather on the moon").Append(c).Append(",oos\nbest pizza recipe ").Append(c).Append(",oos\n");
        }
        return csv.ToString();
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
