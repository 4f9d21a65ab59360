using System.Numerics.Tensors;

namespace PuoAiOps.Core.Retrieval;

/// <summary>
/// Exact top-k by dot product over row-major unit vectors (so the dot product is the cosine):
/// one SIMD dot per row (TensorPrimitives picks AVX2/AVX-512/NEON) and a k-sized heap. At
/// 100,000 × 384 that is ~38 M multiply-adds, memory-bound at a few milliseconds per core; an
/// approximate index only pays off well beyond the size of an SOP knowledge base.
/// </summary>
public static class ExactVectorSearch
{
    /// <summary>Rows best first. <paramref name="include"/> (row → keep?) filters before scoring.</summary>
    public static IReadOnlyList<(int Row, float Score)> TopK(
        ReadOnlySpan<float> matrix, int dimensions, int rows, ReadOnlySpan<float> query, int k, Func<int, bool>? include = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (query.Length != dimensions) throw new ArgumentException($"The query has {query.Length} dimensions; the index has {dimensions}.", nameof(query));
        if (matrix.Length < rows * dimensions) throw new ArgumentException("The matrix is shorter than rows × dimensions.", nameof(matrix));
        if (k <= 0 || rows == 0) return [];
        var heap = new PriorityQueue<int, float>(k + 1);
        for (var row = 0; row < rows; row++)
        {
            if (include is not null && !include(row)) continue;
            var score = TensorPrimitives.Dot(matrix.Slice(row * dimensions, dimensions), query);
            if (heap.Count < k) heap.Enqueue(row, score);
            else if (heap.TryPeek(out _, out var worst) && score > worst) heap.EnqueueDequeue(row, score);
        }
        var result = new (int Row, float Score)[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var row, out var score);
            result[i] = (row, score);
        }
        return result;
    }
}
