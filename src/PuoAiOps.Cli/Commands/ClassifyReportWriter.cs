using System.Globalization;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Cli.Commands;

/// <summary>Human-readable summaries for the classify verbs.</summary>
internal static class ClassifyReportWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteEvaluation(TextWriter o, IntentEvaluation e, TrainingReport report, double trainSeconds, double perSecond)
    {
        o.WriteLine(string.Create(Invariant, $"examples          {e.Examples}"));
        o.WriteLine(string.Create(Invariant, $"accuracy          {e.Accuracy:P2}"));
        o.WriteLine(string.Create(Invariant, $"macro F1          {e.MacroF1:P2}"));
        if (e.InScopeAccuracy is { } inScope) o.WriteLine(string.Create(Invariant, $"in-scope accuracy {inScope:P2}"));
        if (e.OutOfScopeRecall is { } recall) o.WriteLine(string.Create(Invariant, $"out-of-scope      recall {recall:P2}, precision {e.OutOfScopePrecision:P2}"));
        o.WriteLine(string.Create(Invariant, $"calibration ECE   {e.ExpectedCalibrationError:F4}"));
        WriteTraining(o, report);
        o.WriteLine(string.Create(Invariant, $"train seconds     {trainSeconds:F2}"));
        o.WriteLine(string.Create(Invariant, $"predict           {perSecond:F0} questions/s on one core"));
        if (e.WorstPairs.Count > 0)
        {
            o.WriteLine("most confused (truth -> predicted: count)");
            foreach (var pair in e.WorstPairs.Take(10)) o.WriteLine(string.Create(Invariant, $"  {pair.Truth} -> {pair.Predicted}: {pair.Count}"));
        }
    }

    public static void WriteTraining(TextWriter o, TrainingReport r)
    {
        o.WriteLine(string.Create(Invariant, $"labels            {r.Labels.Count}"));
        o.WriteLine(string.Create(Invariant, $"training examples {r.TrainingExamples} (calibrated on {r.CalibrationExamples}, {r.CalibrationSource})"));
        o.WriteLine(string.Create(Invariant, $"features          {r.Features}"));
        o.WriteLine(string.Create(Invariant, $"threshold         {r.Calibration.Threshold:F4} (temperature {r.Calibration.Temperature:F4})"));
        o.WriteLine(string.Create(Invariant, $"data hash         {r.DataHash}"));
    }
}
