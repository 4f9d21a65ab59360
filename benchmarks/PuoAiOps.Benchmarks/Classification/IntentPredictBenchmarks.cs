using BenchmarkDotNet.Attributes;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Benchmarks.Classification;

/// <summary>
/// Prediction speed of the offline intent classifier on one core, CLINC150 model (151 classes):
///   dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- --filter '*IntentPredict*'
/// Needs ../shared/data/clinc150 beside the repository (or PUO_CLINC150_DIR). Runs in process (see Program.cs).
/// </summary>
[MemoryDiagnoser]
public class IntentPredictBenchmarks
{
    private const int BatchSize = 5500; // the CLINC150 test set
    private IntentModel _model = null!;
    private string[] _questions = null!;
    private int[] _tops = null!;
    private float[] _confidences = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var dir = ClincData.Directory();
        var train = ClincData.Read(Path.Combine(dir, "train.csv"));
        var val = ClincData.Read(Path.Combine(dir, "val.csv"));
        _model = IntentTrainer.Train(train, val, new TrainerOptions()).Model;
        _questions = ClincData.Read(Path.Combine(dir, "test.csv")).Select(t => t.Text).Take(BatchSize).ToArray();
        _tops = new int[_questions.Length];
        _confidences = new float[_questions.Length];
    }

    /// <summary>Per question (OperationsPerInvoke): the batch API the evaluator and bulk relabelling use.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public void PredictBatch() => _model.PredictBatch(_questions, _tops, _confidences);

    /// <summary>One question with the top-3 list, as the bot calls it.</summary>
    [Benchmark]
    public IntentPrediction PredictOne() => _model.Predict(_questions[_next++ % _questions.Length]);
}

/// <summary>Locates and reads the CLINC150 files for the classification benchmarks.</summary>
internal static class ClincData
{
    public static string Directory()
    {
        var configured = Environment.GetEnvironmentVariable("PUO_CLINC150_DIR");
        if (!string.IsNullOrEmpty(configured)) return configured;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "clinc150");
            if (File.Exists(Path.Combine(dir.FullName, "PuoAiOps.sln")) && System.IO.Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("CLINC150 not found: run from the repository with ../shared/data/clinc150 beside it, or set PUO_CLINC150_DIR.");
    }

    public static IReadOnlyList<LabeledText> Read(string path)
    {
        using var reader = new StreamReader(path);
        return IntentDataReader.ReadCsv(reader, path);
    }
}
