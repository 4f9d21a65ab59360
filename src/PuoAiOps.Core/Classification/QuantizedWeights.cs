using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// The weight matrix as 8-bit integers with one scale per feature row, feature-major with rows
/// padded to 16 classes. Kept quantised in memory too: a 150-intent model's rows fit the CPU
/// caches four times better than floats, which is what prediction speed depends on. The trainer
/// quantises before calibrating, so a fresh model and the same model loaded from disk agree exactly.
/// </summary>
internal sealed class QuantizedWeights
{
    private readonly sbyte[] _rows;   // [feature * Stride + class]
    private readonly float[] _scales; // per feature

    /// <summary>From the serialised form: <paramref name="packed"/> is [feature * classes + class] without padding.</summary>
    public QuantizedWeights(ReadOnlySpan<sbyte> packed, float[] scales, int classes)
    {
        Classes = classes;
        Stride = LinearSvmTrainer.Stride(classes);
        Features = scales.Length;
        if (packed.Length != Features * classes) throw new ArgumentException("Weights do not match features x classes.", nameof(packed));
        _scales = scales;
        _rows = new sbyte[Features * Stride];
        for (var f = 0; f < Features; f++) packed.Slice(f * classes, classes).CopyTo(_rows.AsSpan(f * Stride));
    }

    private QuantizedWeights(sbyte[] rows, float[] scales, int classes, int stride)
    {
        _rows = rows;
        _scales = scales;
        Classes = classes;
        Stride = stride;
        Features = scales.Length;
    }

    public int Classes { get; }
    public int Stride { get; }
    public int Features { get; }

    /// <summary>Rounds float weights (feature-major rows of <paramref name="stride"/>) to 8 bits, per-row max-abs scale.</summary>
    public static QuantizedWeights Quantize(ReadOnlySpan<float> weights, int classes, int stride)
    {
        var features = weights.Length / stride;
        var rows = new sbyte[weights.Length];
        var scales = new float[features];
        for (var f = 0; f < features; f++)
        {
            var row = weights.Slice(f * stride, classes);
            var max = 0f;
            foreach (var w in row) max = Math.Max(max, MathF.Abs(w));
            if (max == 0f) continue;
            var scale = max / 127f;
            scales[f] = scale;
            for (var k = 0; k < classes; k++)
                rows[f * stride + k] = (sbyte)Math.Clamp(MathF.Round(row[k] / scale), -127f, 127f);
        }
        return new QuantizedWeights(rows, scales, classes, stride);
    }

    public ReadOnlySpan<float> Scales => _scales;

    public void WritePacked(BinaryWriter writer)
    {
        for (var f = 0; f < Features; f++)
            writer.Write(MemoryMarshal.AsBytes(_rows.AsSpan(f * Stride, Classes)));
    }

    /// <summary>acc[0..Stride) += x · row(feature). Fused multiply-add on every path, so results match across CPUs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the unoptimised first tier
    public void AddRow(int feature, float x, Span<float> acc)
    {
        var m = x * _scales[feature];
        var row = _rows.AsSpan(feature * Stride, Stride);
        if (Avx2.IsSupported && Fma.IsSupported)
        {
            ref var q = ref MemoryMarshal.GetReference(row);
            ref var a = ref MemoryMarshal.GetReference(acc);
            var mv = Vector256.Create(m);
            for (nuint j = 0; j < (nuint)Stride; j += 16)
            {
                var bytes = Vector128.LoadUnsafe(ref q, j);
                var lo = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(bytes));
                var hi = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(bytes, 8)));
                Fma.MultiplyAdd(lo, mv, Vector256.LoadUnsafe(ref a, j)).StoreUnsafe(ref a, j);
                Fma.MultiplyAdd(hi, mv, Vector256.LoadUnsafe(ref a, j + 8)).StoreUnsafe(ref a, j + 8);
            }
            return;
        }
        for (var k = 0; k < row.Length; k++) acc[k] = MathF.FusedMultiplyAdd(row[k], m, acc[k]);
    }
}
