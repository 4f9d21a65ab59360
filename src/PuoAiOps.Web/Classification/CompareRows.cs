using PuoAiOps.Application.Classification.Registry;

namespace PuoAiOps.Web.Classification;

/// <summary>One headline metric of a comparison; the title is a resource key.</summary>
public sealed record HeadlineRow(string Key, string TitleKey, double? A, double? B)
{
    public double? Delta => A is { } a && B is { } b ? b - a : null;
}

/// <summary>The headline rows of the compare page, in the order people read them.</summary>
public static class CompareRows
{
    public static IEnumerable<HeadlineRow> Headline(ModelComparison comparison)
    {
        var a = comparison.A.Report;
        var b = comparison.B.Report;
        yield return new("accuracy", "Metric.Accuracy", a.Accuracy, b.Accuracy);
        yield return new("macro-f1", "Metric.MacroF1", a.MacroF1, b.MacroF1);
        yield return new("weighted-f1", "Metric.WeightedF1", a.WeightedF1, b.WeightedF1);
        yield return new("oos-recall", "Metric.OosRecall", a.OutOfScopeRecall, b.OutOfScopeRecall);
        yield return new("oos-precision", "Metric.OosPrecision", a.OutOfScopePrecision, b.OutOfScopePrecision);
        yield return new("coverage", "Metric.Coverage", a.Coverage, b.Coverage);
        yield return new("answered-accuracy", "Metric.AnsweredAccuracy", a.AnsweredAccuracy, b.AnsweredAccuracy);
    }
}
