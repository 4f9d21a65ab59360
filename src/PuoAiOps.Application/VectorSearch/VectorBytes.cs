using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PuoAiOps.Application.VectorSearch;

/// <summary>The <c>Chunks.Embedding</c> column format: float32 little-endian, dimension after dimension.</summary>
public static class VectorBytes
{
    public static byte[] FromFloats(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian) MemoryMarshal.AsBytes(vector).CopyTo(bytes);
        else for (var i = 0; i < vector.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), vector[i]);
        return bytes;
    }

    public static float[] ToFloats(byte[] bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        if (BitConverter.IsLittleEndian) bytes.AsSpan(0, vector.Length * sizeof(float)).CopyTo(MemoryMarshal.AsBytes(vector.AsSpan()));
        else for (var i = 0; i < vector.Length; i++) vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        return vector;
    }
}
