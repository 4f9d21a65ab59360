using System.Diagnostics;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Cli.Commands;

/// <summary>Questions per second of <see cref="IntentModel.PredictBatch"/> on the calling thread (one core).</summary>
internal static class PredictThroughput
{
    public static double SingleCore(IntentModel model, IReadOnlyList<string> texts, double minSeconds = 1.0)
    {
        if (texts.Count == 0) return 0;
        var tops = new int[texts.Count];
        var confidences = new float[texts.Count];
        model.PredictBatch(texts, tops, confidences); // warm-up: JIT and caches
        var clock = Stopwatch.StartNew();
        var done = 0L;
        do
        {
            model.PredictBatch(texts, tops, confidences);
            done += texts.Count;
        }
        while (clock.Elapsed.TotalSeconds < minSeconds);
        return done / clock.Elapsed.TotalSeconds;
    }
}
