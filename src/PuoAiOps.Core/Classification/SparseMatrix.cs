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

    /// <summary>
    /// Appends a dense block (<paramref name="dimensions"/> values per row, scaled by
    /// <paramref name="weight"/>) after the sparse columns: the encoder's sentence vectors.
    /// </summary>
    public SparseMatrix WithDenseBlock(ReadOnlySpan<float> dense, int dimensions, float weight)
    {
        if (dense.Length != Rows * dimensions) throw new ArgumentException("One dense vector per row is required.", nameof(dense));
        var rowStart = new int[RowStart.Length];
        var indices = new int[Indices.Length + Rows * dimensions];
        var values = new float[indices.Length];
        for (var r = 0; r < Rows; r++)
        {
            var at = RowStart[r] + r * dimensions;
            rowStart[r] = at;
            RowIndices(r).CopyTo(indices.AsSpan(at));
            RowValues(r).CopyTo(values.AsSpan(at));
            at += RowStart[r + 1] - RowStart[r];
            for (var j = 0; j < dimensions; j++)
            {
                indices[at + j] = Columns + j;
                values[at + j] = dense[r * dimensions + j] * weight;
            }
        }
        rowStart[Rows] = indices.Length;
        return new SparseMatrix(rowStart, indices, values, Columns + dimensions);
    }
}
