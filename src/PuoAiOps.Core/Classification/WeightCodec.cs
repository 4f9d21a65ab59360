namespace PuoAiOps.Core.Classification;

/// <summary>
/// 8-bit weights with one scale per feature row: a 150-intent model stays a few megabytes. The
/// trainer round-trips its weights through this codec, so a freshly trained model and the same
/// model loaded from disk score identically.
/// </summary>
internal static class WeightCodec
{
    public static (sbyte[] Quantized, float[] Scales) Quantize(ReadOnlySpan<float> featureMajor, int stride)
    {
        var rows = featureMajor.Length / stride;
        var quantized = new sbyte[featureMajor.Length];
        var scales = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = featureMajor.Slice(r * stride, stride);
            var max = 0f;
            foreach (var w in row) max = Math.Max(max, MathF.Abs(w));
            var scale = max / 127f;
            scales[r] = scale;
            if (scale == 0f) continue;
            for (var k = 0; k < stride; k++)
                quantized[r * stride + k] = (sbyte)Math.Clamp(MathF.Round(row[k] / scale), -127f, 127f);
        }
        return (quantized, scales);
    }

    public static float[] Dequantize(ReadOnlySpan<sbyte> quantized, ReadOnlySpan<float> scales, int stride)
    {
        var weights = new float[quantized.Length];
        for (var r = 0; r < scales.Length; r++)
        {
            var scale = scales[r];
            for (var k = 0; k < stride; k++)
                weights[r * stride + k] = quantized[r * stride + k] * scale;
        }
        return weights;
    }
}
