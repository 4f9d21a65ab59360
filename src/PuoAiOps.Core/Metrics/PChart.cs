namespace PuoAiOps.Core.Metrics;

/// <summary>One day of a proportion series and whether it falls outside its control limits.</summary>
public sealed record PChartPoint(DateOnly Day, long Numerator, long Denominator, double? Rate, double Centre, double Lower, double Upper, bool OutOfControl);

/// <summary>
/// Shewhart p-chart with 3-sigma limits that vary with each day's size: p̄ ± 3·√(p̄(1−p̄)/nᵢ), p̄ being
/// the pooled proportion over the whole series. A day outside its limits is flagged as an anomaly.
/// </summary>
public static class PChart
{
    public const double Sigmas = 3;

    public static IReadOnlyList<PChartPoint> Evaluate(IReadOnlyList<(DateOnly Day, long Numerator, long Denominator)> days, double sigmas = Sigmas)
    {
        long num = 0, den = 0;
        foreach (var d in days) { num += d.Numerator; den += d.Denominator; }
        var centre = den == 0 ? 0 : (double)num / den;
        var points = new List<PChartPoint>(days.Count);
        foreach (var (day, n, d) in days)
        {
            if (d == 0)
            {
                points.Add(new PChartPoint(day, n, d, null, centre, 0, 1, false));
                continue;
            }
            var sigma = Math.Sqrt(centre * (1 - centre) / d);
            double lower = Math.Max(0, centre - sigmas * sigma), upper = Math.Min(1, centre + sigmas * sigma);
            var rate = (double)n / d;
            // A flat series (p̄ = 0 or 1) has zero-width limits; only a real departure is an anomaly.
            var outside = rate < lower - 1e-12 || rate > upper + 1e-12;
            points.Add(new PChartPoint(day, n, d, rate, centre, lower, upper, outside));
        }
        return points;
    }
}
