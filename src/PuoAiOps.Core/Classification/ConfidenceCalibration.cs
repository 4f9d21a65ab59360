namespace PuoAiOps.Core.Classification;

/// <summary>
/// Confidence = σ(TopScoreWeight · top class score + KnownShareWeight · known-vocabulary share + Bias):
/// a Platt-style logistic model of "the top label is right", fitted on validation data. The share
/// of known vocabulary is what separates unrelated questions from merely hard ones.
/// </summary>
public readonly record struct ConfidenceCalibration(float TopScoreWeight, float KnownShareWeight, float Bias)
{
    public float Apply(float topScore, float knownShare) =>
        1f / (1f + MathF.Exp(-(TopScoreWeight * topScore + KnownShareWeight * knownShare + Bias)));

    /// <summary>Weighted logistic regression by Newton's method (three parameters, a light L2 penalty for separable data).</summary>
    internal static ConfidenceCalibration? Fit(ReadOnlySpan<float> topScore, ReadOnlySpan<float> knownShare, ReadOnlySpan<bool> correct,
        ReadOnlySpan<float> weight)
    {
        var positives = 0;
        foreach (var c in correct) if (c) positives++;
        if (positives == 0 || positives == correct.Length) return null; // nothing to separate
        const double L2 = 1e-3;
        var beta = new double[3];
        Span<double> x = stackalloc double[3];
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var g = new double[3];
            var h = new double[3, 3];
            for (var i = 0; i < correct.Length; i++)
            {
                x[0] = topScore[i];
                x[1] = knownShare[i];
                x[2] = 1;
                var p = 1 / (1 + Math.Exp(-(beta[0] * x[0] + beta[1] * x[1] + beta[2])));
                var r = weight[i] * (p - (correct[i] ? 1 : 0));
                var s = weight[i] * p * (1 - p);
                for (var j = 0; j < 3; j++)
                {
                    g[j] += r * x[j];
                    for (var k = 0; k < 3; k++) h[j, k] += s * x[j] * x[k];
                }
            }
            for (var j = 0; j < 3; j++)
            {
                g[j] += L2 * beta[j];
                h[j, j] += L2;
            }
            var step = Solve3(h, g);
            var change = 0.0;
            for (var j = 0; j < 3; j++)
            {
                beta[j] -= step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }
            if (change < 1e-9) break;
        }
        return new ConfidenceCalibration((float)beta[0], (float)beta[1], (float)beta[2]);
    }

    /// <summary>Gaussian elimination with partial pivoting for the 3x3 Newton system.</summary>
    private static double[] Solve3(double[,] a, double[] b)
    {
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var c = 0; c < 3; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < 3; r++)
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c])) pivot = r;
            for (var k = 0; k < 3; k++) (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
            (v[c], v[pivot]) = (v[pivot], v[c]);
            for (var r = 0; r < 3; r++)
            {
                if (r == c) continue;
                var f = m[r, c] / m[c, c];
                for (var k = 0; k < 3; k++) m[r, k] -= f * m[c, k];
                v[r] -= f * v[c];
            }
        }
        return [v[0] / m[0, 0], v[1] / m[1, 1], v[2] / m[2, 2]];
    }
}
