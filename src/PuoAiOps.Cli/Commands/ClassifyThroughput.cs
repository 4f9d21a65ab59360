using System.Diagnostics;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// Questions per second of <see cref="IntentModel.PredictBatch"/> on the calling thread (one core):
/// the best of five timed passes over the questions after a warm-up pass, so that a neighbour
/// briefly taking the core does not decide the figure. A model with a sentence encoder is timed
/// once over at most 1,000 questions: the encoder dominates, and it runs on all cores.
/// </summary>
internal static class ClassifyThroughput
{
    public static double SingleCore(IntentModel model, IReadOnlyList<string> texts, int passes = 5)
    {
        if (texts.Count == 0) return 0;
        if (model.Info.Encoder is not null)
        {
            texts = texts.Take(1000).ToArray();
            passes = 1;
        }
        var tops = new int[texts.Count];
        var confidences = new float[texts.Count];
        model.PredictBatch(texts, tops, confidences); // warm-up: JIT and caches
        var best = 0.0;
        for (var pass = 0; pass < passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            model.PredictBatch(texts, tops, confidences);
            best = Math.Max(best, texts.Count / clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
