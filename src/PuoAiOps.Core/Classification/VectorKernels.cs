using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// dst += src · s over short rows whose length is a multiple of 8. Inlined into the solver's inner
/// loop, where a library call per row costs more than the arithmetic. Multiply then add (not fused)
/// in every lane and in the scalar fallback, so results are identical with or without SIMD.
/// </summary>
internal static class VectorKernels
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(Span<float> dst, ReadOnlySpan<float> src, float s)
    {
        if (Vector256.IsHardwareAccelerated && dst.Length % Vector256<float>.Count == 0 && src.Length >= dst.Length)
        {
            ref var d = ref MemoryMarshal.GetReference(dst);
            ref var x = ref MemoryMarshal.GetReference(src);
            var scale = Vector256.Create(s);
            for (nuint i = 0; i < (nuint)dst.Length; i += (nuint)Vector256<float>.Count)
                (Vector256.LoadUnsafe(ref d, i) + Vector256.LoadUnsafe(ref x, i) * scale).StoreUnsafe(ref d, i);
            return;
        }
        for (var i = 0; i < dst.Length; i++) dst[i] += src[i] * s;
    }
}
