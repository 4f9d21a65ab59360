namespace PuoAiOps.Core.Classification;

/// <summary>
/// 8-bit weights with one scale per feature row: a 150-intent model stays a few megabytes. The
/// trainer round-trips its weights through this codec, so a freshly trained model and the same
/// model loaded from disk score identically.
/// </summary>
internal static class WeightCodec
{
    public static (sbyte[] Quantized, float[] Scales) Quantize(ReadOnlySpan<float> featureMajor, int classes)
    {
        var rows = featureMajor.Length / classes;
        var quantized = new sbyte[featureMajor.Length];
        var scales = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = featureMajor.Slice(r * classes, classes);
            var max = 0f;
            foreach (var w in row) max = Math.Max(max, MathF.Abs(w));
            var scale = max / 127f;
            scales[r] = scale;
            if (scale == 0f) continue;
            for (var k = 0; k < classes; k++)
                quantized[r * classes + k] = (sbyte)Math.Clamp(MathF.Round(row[k] / scale), -127f, 127f);
        }
        return (quantized, scales);
    }

    public static float[] Dequantize(ReadOnlySpan<sbyte> quantized, ReadOnlySpan<float> scales, int classes)
    {
        var weights = new float[quantized.Length];
        for (var r = 0; r < scales.Length; r++)
        {
            var scale = scales[r];
            for (var k = 0; k < classes; k++)
                weights[r * classes + k] = quantized[r * classes + k] * scale;
        }
        return weights;
    }

    /// <summary>Class-major solver output to the feature-major layout prediction reads row by row.</summary>
    public static float[] ToFeatureMajor(float[][] classMajor, int features)
    {
        var classes = classMajor.Length;
        var weights = new float[features * classes];
        for (var k = 0; k < classes; k++)
        {
            var w = classMajor[k];
            for (var f = 0; f < features; f++) weights[f * classes + k] = w[f];
        }
        return weights;
    }
}
