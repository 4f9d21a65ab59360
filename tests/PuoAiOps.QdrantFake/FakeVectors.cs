using PuoAiOps.QdrantFake.Contract;

namespace PuoAiOps.QdrantFake;

internal static class FakeVectors
{
    public static float[] Normalize(IEnumerable<float> vector)
    {
        var v = vector.ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    public static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    public static SortedDictionary<uint, float> Sparse(IList<uint> indices, IList<float> values)
    {
        if (indices.Count != values.Count) throw FakeQuery.Invalid("Wrong input: sparse vector indices and values differ in length");
        var sparse = new SortedDictionary<uint, float>();
        for (var i = 0; i < indices.Count; i++)
            if (!sparse.TryAdd(indices[i], values[i])) throw FakeQuery.Invalid("Wrong input: sparse vector has duplicate indices");
        return sparse;
    }

    /// <summary>A point's vector as sent: the current oneof, or the deprecated data / indices fields older clients use.</summary>
    public static (float[]? Dense, SortedDictionary<uint, float>? Sparse) Read(Vector vector) => vector.VectorCase switch
    {
        Vector.VectorOneofCase.Dense => (vector.Dense.Data.ToArray(), null),
        Vector.VectorOneofCase.Sparse => (null, Sparse(vector.Sparse.Indices, vector.Sparse.Values)),
#pragma warning disable CS0612 // the deprecated fields are part of the contract the server must still read
        Vector.VectorOneofCase.None when vector.Indices is { } indices => (null, Sparse(indices.Data, vector.Data)),
        Vector.VectorOneofCase.None => (vector.Data.ToArray(), null),
#pragma warning restore CS0612
        _ => throw FakeFilter.Unimplemented($"{vector.VectorCase} vectors"),
    };
}
