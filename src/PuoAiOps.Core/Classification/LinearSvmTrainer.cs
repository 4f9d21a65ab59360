using System.Numerics.Tensors;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// One-vs-rest linear SVM (L2-regularised squared hinge), solved in the dual by coordinate descent
/// (Hsieh et al., ICML 2008). All binary problems advance in lockstep over one shared example order,
/// so each example's scores for every class come from one vectorised pass over a feature-major
/// weight matrix instead of one sparse gather per class. Threads own disjoint, 16-aligned blocks of
/// classes and each class stops on its own criterion, so the result never depends on the thread count.
/// </summary>
internal static class LinearSvmTrainer
{
    public const int Alignment = 16;

    /// <summary>Feature-major weights with rows of <see cref="Stride"/> (classes padded to 16), and one bias per class.</summary>
    public static (float[] Weights, float[] Bias, int Iterations) Train(
        SparseMatrix x, int[] labels, int classes, float[] classCost, SvmSettings settings, int seed, CancellationToken ct)
    {
        var stride = Stride(classes);
        var weights = new float[x.Columns * stride];
        var bias = new float[stride];
        var n = x.Rows;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var diag = new float[n];   // D_ii = 1 / (2 C_i) for the squared hinge
        var qd = new float[n];
        for (var i = 0; i < n; i++)
        {
            diag[i] = 0.5f / (settings.C * classCost[labels[i]]);
            qd[i] = TensorPrimitives.SumOfSquares(x.RowValues(i)) + settings.BiasFeature * settings.BiasFeature + diag[i];
        }
        // One permutation per epoch, shared by all classes and drawn up front: thread-independent.
        var random = new Random(seed);
        var permutations = new int[settings.MaxIterations][];

        var blocks = Math.Max(1, Math.Min(settings.MaxThreads, stride / Alignment));
        var perBlock = (stride / Alignment + blocks - 1) / blocks * Alignment;
        var iterations = new int[blocks];
        var epochsReady = 0;
        var gate = new object();
        int[] Permutation(int epoch)
        {
            lock (gate)
            {
                while (epochsReady <= epoch)
                {
                    var p = (int[])order.Clone();
                    random.Shuffle(p);
                    permutations[epochsReady++] = p;
                }
                return permutations[epoch];
            }
        }

        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = blocks };
        Parallel.For(0, blocks, parallel, block =>
        {
            var first = block * perBlock;
            var count = Math.Min(perBlock, classes - first);
            if (count <= 0) return;
            iterations[block] = new Block(x, labels, weights, bias, stride, first, count, diag, qd, settings)
                .Solve(Permutation, ct);
        });
        return (weights, bias, iterations.Max());
    }

    public static int Stride(int classes) => (classes + Alignment - 1) / Alignment * Alignment;

    /// <summary>The binary problems of classes [first, first + count), solved together.</summary>
    private sealed class Block(SparseMatrix x, int[] labels, float[] weights, float[] bias, int stride, int first, int count,
        float[] diag, float[] qd, SvmSettings settings)
    {
        private readonly int _width = Math.Min(stride - first, (count + Alignment - 1) / Alignment * Alignment);

        public int Solve(Func<int, int[]> permutation, CancellationToken ct)
        {
            var n = x.Rows;
            var alpha = new float[n * count];
            var scores = new float[_width];
            var delta = new float[_width];
            var pgMax = new float[count];
            var pgMin = new float[count];
            var done = new bool[count];
            var remaining = count;
            var b = settings.BiasFeature;
            var epoch = 0;
            for (; epoch < settings.MaxIterations && remaining > 0; epoch++)
            {
                ct.ThrowIfCancellationRequested();
                Array.Fill(pgMax, float.NegativeInfinity);
                Array.Fill(pgMin, float.PositiveInfinity);
                foreach (var i in permutation(epoch))
                {
                    var indices = x.RowIndices(i);
                    var values = x.RowValues(i);
                    bias.AsSpan(first, _width).CopyTo(scores);
                    TensorPrimitives.Multiply(scores, b, scores);
                    for (var f = 0; f < indices.Length; f++)
                        TensorPrimitives.MultiplyAdd(weights.AsSpan(indices[f] * stride + first, _width), values[f], scores, scores);

                    var any = false;
                    var a = alpha.AsSpan(i * count, count);
                    for (var k = 0; k < count; k++)
                    {
                        delta[k] = 0f;
                        if (done[k]) continue;
                        float y = labels[i] == first + k ? 1f : -1f;
                        var g = y * scores[k] - 1f + a[k] * diag[i];
                        var pg = a[k] == 0f ? Math.Min(g, 0f) : g;
                        pgMax[k] = Math.Max(pgMax[k], pg);
                        pgMin[k] = Math.Min(pgMin[k], pg);
                        if (MathF.Abs(pg) <= 1e-12f) continue;
                        var updated = Math.Max(a[k] - g / qd[i], 0f);
                        delta[k] = (updated - a[k]) * y;
                        a[k] = updated;
                        any = true;
                    }
                    if (!any) continue;
                    for (var f = 0; f < indices.Length; f++)
                    {
                        var row = weights.AsSpan(indices[f] * stride + first, _width);
                        TensorPrimitives.MultiplyAdd(delta, values[f], row, row);
                    }
                    var bb = bias.AsSpan(first, _width);
                    TensorPrimitives.MultiplyAdd(delta, b, bb, bb);
                }
                for (var k = 0; k < count; k++)
                {
                    if (done[k] || pgMax[k] - pgMin[k] > settings.Tolerance) continue;
                    done[k] = true;
                    remaining--;
                }
            }
            return epoch;
        }
    }
}

/// <summary>Solver settings of <see cref="LinearSvmTrainer"/>.</summary>
internal sealed record SvmSettings(float C, float Tolerance, int MaxIterations, float BiasFeature, int MaxThreads);
