namespace PuoAiOps.Core.Classification;

/// <summary>Compressed sparse rows: the featurised training set the trainers iterate over.</summary>
internal sealed class SparseMatrix
{
    public SparseMatrix(int[] rowStart, int[] indices, float[] values, int columns)
    {
        RowStart = rowStart;
        Indices = indices;
        Values = values;
        Columns = columns;
    }

    public int[] RowStart { get; }
    public int[] Indices { get; }
    public float[] Values { get; }
    public int Columns { get; }
    public int Rows => RowStart.Length - 1;

    public ReadOnlySpan<int> RowIndices(int row) => Indices.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);
    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    public float Dot(int row, ReadOnlySpan<float> weights)
    {
        var indices = RowIndices(row);
        var values = RowValues(row);
        var sum = 0f;
        for (var k = 0; k < indices.Length; k++) sum += values[k] * weights[indices[k]];
        return sum;
    }

    public void AddScaled(int row, float scale, Span<float> weights)
    {
        var indices = RowIndices(row);
        var values = RowValues(row);
        for (var k = 0; k < indices.Length; k++) weights[indices[k]] += scale * values[k];
    }

    /// <summary>Featurises texts in parallel; row order is the input order, so the result is deterministic.</summary>
    public static SparseMatrix Build(FeatureSpace space, IReadOnlyList<string> normalizedTexts)
    {
        var rows = new (int[] Indices, float[] Values)[normalizedTexts.Count];
        Parallel.For(0, normalizedTexts.Count, () => new FeatureScratch(), (i, _, scratch) =>
        {
            var n = space.Transform(normalizedTexts[i], scratch);
            rows[i] = (scratch.Indices[..n], scratch.Values[..n]);
            return scratch;
        }, _ => { });

        var rowStart = new int[rows.Length + 1];
        for (var i = 0; i < rows.Length; i++) rowStart[i + 1] = rowStart[i] + rows[i].Indices.Length;
        var indices = new int[rowStart[^1]];
        var values = new float[rowStart[^1]];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].Indices.CopyTo(indices, rowStart[i]);
            rows[i].Values.CopyTo(values, rowStart[i]);
        }
        return new SparseMatrix(rowStart, indices, values, space.Count);
    }

    /// <summary>The rows listed, in that order (cross-validation folds, hold-out splits).</summary>
    public SparseMatrix Subset(IReadOnlyList<int> rows)
    {
        var rowStart = new int[rows.Count + 1];
        for (var i = 0; i < rows.Count; i++) rowStart[i + 1] = rowStart[i] + RowStart[rows[i] + 1] - RowStart[rows[i]];
        var indices = new int[rowStart[^1]];
        var values = new float[rowStart[^1]];
        for (var i = 0; i < rows.Count; i++)
        {
            RowIndices(rows[i]).CopyTo(indices.AsSpan(rowStart[i]));
            RowValues(rows[i]).CopyTo(values.AsSpan(rowStart[i]));
        }
        return new SparseMatrix(rowStart, indices, values, Columns);
    }
}
