namespace PuoAiOps.Core.Classification;

/// <summary>Temperature scaling: one divisor for all scores, chosen to minimise validation log-loss.</summary>
internal static class Calibration
{
    /// <summary><paramref name="scores"/>: row-major [example * classes]; <paramref name="truth"/>: class index per example.</summary>
    public static float FitTemperature(float[] scores, int classes, int[] truth)
    {
        if (truth.Length == 0) return 1f;
        // Log-loss is unimodal in log T for a fixed score matrix: golden-section search.
        double lo = Math.Log(0.005), hi = Math.Log(20);
        var phi = (Math.Sqrt(5) - 1) / 2;
        var a = hi - phi * (hi - lo);
        var b = lo + phi * (hi - lo);
        double fa = LogLoss(scores, classes, truth, Math.Exp(a)), fb = LogLoss(scores, classes, truth, Math.Exp(b));
        for (var i = 0; i < 60; i++)
        {
            if (fa <= fb)
            {
                hi = b; b = a; fb = fa;
                a = hi - phi * (hi - lo);
                fa = LogLoss(scores, classes, truth, Math.Exp(a));
            }
            else
            {
                lo = a; a = b; fa = fb;
                b = lo + phi * (hi - lo);
                fb = LogLoss(scores, classes, truth, Math.Exp(b));
            }
        }
        return (float)Math.Exp((lo + hi) / 2);
    }

    private static double LogLoss(float[] scores, int classes, int[] truth, double temperature)
    {
        var total = 0.0;
        for (var i = 0; i < truth.Length; i++)
        {
            var row = scores.AsSpan(i * classes, classes);
            var max = double.NegativeInfinity;
            foreach (var s in row) max = Math.Max(max, s);
            var sum = 0.0;
            foreach (var s in row) sum += Math.Exp((s - max) / temperature);
            total += Math.Log(sum) - (row[truth[i]] - max) / temperature;
        }
        return total / truth.Length;
    }
}
