namespace PuoAiOps.Core.Classification;

/// <summary>
/// One-vs-rest linear SVM, L2-regularised squared hinge loss, solved in the dual by coordinate
/// descent with shrinking (Hsieh et al., ICML 2008). Classes train in parallel; each class has its
/// own random stream derived from the seed, so the result is identical for any thread count.
/// </summary>
internal static class LinearSvmTrainer
{
    /// <summary>Returns weights in class-major order ([class][feature]) and one bias per class.</summary>
    public static (float[][] Weights, float[] Bias) Train(
        SparseMatrix x, int[] labels, int classes, float[] classCost, SvmSettings settings, int seed, CancellationToken ct)
    {
        var weights = new float[classes][];
        var bias = new float[classes];
        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = settings.MaxThreads };
        Parallel.For(0, classes, parallel, k =>
        {
            var w = new float[x.Columns];
            bias[k] = TrainBinary(x, labels, k, classCost, settings, new Random(unchecked(seed * 7919 + k)), w, ct);
            weights[k] = w;
        });
        return (weights, bias);
    }

    private static float TrainBinary(SparseMatrix x, int[] labels, int positive, float[] classCost,
        SvmSettings settings, Random random, float[] w, CancellationToken ct)
    {
        var n = x.Rows;
        var alpha = new float[n];
        var y = new sbyte[n];
        var diag = new float[n];   // D_ii = 1 / (2 C_i) for the squared hinge
        var qd = new float[n];
        var biasValue = settings.BiasFeature;
        var b = 0f;
        for (var i = 0; i < n; i++)
        {
            y[i] = labels[i] == positive ? (sbyte)1 : (sbyte)-1;
            var cost = settings.C * (y[i] > 0 ? classCost[positive] : classCost[labels[i]]);
            diag[i] = 0.5f / cost;
            var values = x.RowValues(i);
            var sq = biasValue * biasValue;
            foreach (var v in values) sq += v * v;
            qd[i] = sq + diag[i];
        }

        var index = new int[n];
        for (var i = 0; i < n; i++) index[i] = i;
        var active = n;
        var pgMaxOld = float.PositiveInfinity;
        var pgMinOld = float.NegativeInfinity;
        for (var iteration = 0; iteration < settings.MaxIterations; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            var pgMax = float.NegativeInfinity;
            var pgMin = float.PositiveInfinity;
            for (var s = 0; s < active; s++)
            {
                var j = s + random.Next(active - s);
                (index[s], index[j]) = (index[j], index[s]);
            }
            for (var s = 0; s < active; s++)
            {
                var i = index[s];
                var g = y[i] * (x.Dot(i, w) + b * biasValue) - 1f + alpha[i] * diag[i];
                var pg = 0f;
                if (alpha[i] == 0f)
                {
                    if (g > pgMaxOld)
                    {
                        // Shrink: this example sits well outside the margin and is unlikely to come back.
                        active--;
                        (index[s], index[active]) = (index[active], index[s]);
                        s--;
                        continue;
                    }
                    if (g < 0f) pg = g;
                }
                else
                {
                    pg = g;
                }
                pgMax = Math.Max(pgMax, pg);
                pgMin = Math.Min(pgMin, pg);
                if (MathF.Abs(pg) > 1e-12f)
                {
                    var old = alpha[i];
                    alpha[i] = Math.Max(old - g / qd[i], 0f);
                    var delta = (alpha[i] - old) * y[i];
                    x.AddScaled(i, delta, w);
                    b += delta * biasValue;
                }
            }
            if (pgMax - pgMin <= settings.Tolerance)
            {
                if (active == n) break;
                active = n; // converged on the shrunk set: verify on all examples before stopping
                pgMaxOld = float.PositiveInfinity;
                pgMinOld = float.NegativeInfinity;
                continue;
            }
            pgMaxOld = pgMax <= 0 ? float.PositiveInfinity : pgMax;
            pgMinOld = pgMin >= 0 ? float.NegativeInfinity : pgMin;
        }
        return b * biasValue;
    }
}

/// <summary>Solver settings of <see cref="LinearSvmTrainer"/>.</summary>
internal sealed record SvmSettings(float C, float Tolerance, int MaxIterations, float BiasFeature, int MaxThreads);
