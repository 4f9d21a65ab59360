using System.Security.Cryptography;
using System.Text;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// Binary model format (little-endian): magic, version, settings, labels, calibration, feature
/// hashes + IDF, bias, then 8-bit weights with one scale per feature, and a SHA-256 of everything
/// before it so that a truncated or damaged file fails loudly instead of predicting nonsense.
/// </summary>
internal static class IntentModelSerializer
{
    private static readonly byte[] Magic = "PUOINTNT"u8.ToArray();
    /// <summary>2 added the encoder block (name, dimensions, weight); version 1 files still load.</summary>
    private const int Version = 2;

    public static void Write(IntentModel model, Stream stream)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(NgramHasher.FormatVersion);
            WriteInfo(w, model.Info);
            w.Write(model.Info.Encoder ?? "");
            w.Write(model.Info.EncoderDimensions);
            w.Write(model.Info.EncoderWeight);
            w.Write(model.Labels.Count);
            foreach (var label in model.Labels) w.Write(label);
            var calibration = model.Calibration;
            w.Write(calibration.Temperature);
            w.Write(calibration.Threshold);
            w.Write(calibration.Confidence.HasValue);
            var confidence = calibration.Confidence.GetValueOrDefault();
            w.Write(confidence.TopScoreWeight);
            w.Write(confidence.KnownShareWeight);
            w.Write(confidence.Bias);

            var features = model.Features;
            w.Write(features.Count);
            w.Write(features.WordFeatures);
            foreach (var h in features.Hashes) w.Write(h);
            foreach (var idf in features.Idf) w.Write(idf);
            foreach (var b in model.Bias) w.Write(b);
            foreach (var scale in model.Weights.Scales) w.Write(scale);
            model.Weights.WritePacked(w);
        }
        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        stream.Write(body);
        stream.Write(SHA256.HashData(body));
    }

    public static IntentModel Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var all = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (all.Length < Magic.Length + 32 || !all[..Magic.Length].SequenceEqual(Magic))
            throw new InvalidDataException("Not an intent model file.");
        var body = all[..^32];
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(all[^32..]))
            throw new InvalidDataException("Intent model file is damaged (checksum mismatch).");

        using var r = new BinaryReader(new MemoryStream(buffer.GetBuffer(), Magic.Length, body.Length - Magic.Length), Encoding.UTF8);
        var version = r.ReadInt32();
        var hasher = r.ReadInt32();
        if (version is < 1 or > Version || hasher != NgramHasher.FormatVersion)
            throw new InvalidDataException($"Unsupported intent model format {version}.{hasher}; retrain the model.");
        var info = ReadInfo(r);
        if (version >= 2) info = ReadEncoder(r, info);
        var labels = new string[Count(r)];
        for (var i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        var temperature = r.ReadSingle();
        var threshold = r.ReadSingle();
        var hasConfidence = r.ReadBoolean();
        var confidence = new ConfidenceCalibration(r.ReadSingle(), r.ReadSingle(), r.ReadSingle());
        var calibration = new ModelCalibration(temperature, hasConfidence ? confidence : null, threshold);

        var featureCount = Count(r);
        var wordFeatures = r.ReadInt32();
        var hashes = new ulong[featureCount];
        for (var i = 0; i < featureCount; i++) hashes[i] = r.ReadUInt64();
        var idf = new float[featureCount];
        for (var i = 0; i < featureCount; i++) idf[i] = r.ReadSingle();
        var bias = new float[labels.Length];
        for (var i = 0; i < bias.Length; i++) bias[i] = r.ReadSingle();
        var rows = featureCount + info.EncoderDimensions;
        var scales = new float[rows];
        for (var i = 0; i < rows; i++) scales[i] = r.ReadSingle();
        var quantized = new sbyte[rows * labels.Length];
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(quantized.AsSpan()));
        if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException("Intent model file has trailing data.");

        var space = new FeatureSpace(info.Features, hashes, idf, wordFeatures);
        return new IntentModel(info, space, labels, new QuantizedWeights(quantized, scales, labels.Length), bias, calibration);
    }

    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n < 0 || n > r.BaseStream.Length) throw new InvalidDataException("Intent model file is damaged (bad count).");
        return n;
    }

    private static IntentModelInfo ReadEncoder(BinaryReader r, IntentModelInfo info)
    {
        var name = r.ReadString();
        var dimensions = r.ReadInt32();
        var weight = r.ReadSingle();
        if (dimensions < 0 || dimensions > 65536 || (name.Length == 0) != (dimensions == 0) || !(weight > 0))
            throw new InvalidDataException("Intent model file is damaged (bad encoder block).");
        return name.Length == 0 ? info : info with { Encoder = name, EncoderDimensions = dimensions, EncoderWeight = weight };
    }

    private static void WriteInfo(BinaryWriter w, IntentModelInfo info)
    {
        w.Write(info.OutOfScopeLabel);
        w.Write(info.Seed);
        w.Write(info.DataHash);
        w.Write(info.TrainingExamples);
        w.Write(info.CalibrationExamples);
        w.Write(info.C);
        w.Write(info.OutOfScopeWeight);
        var f = info.Features;
        w.Write(f.WordNgramMax);
        w.Write(f.WordPairWindow);
        w.Write(f.CharNgramMin);
        w.Write(f.CharNgramMax);
        w.Write(f.CjkNgramMax);
        w.Write(f.WordMinDf);
        w.Write(f.CharMinDf);
        w.Write(f.CharBlockWeight);
        w.Write(f.FoldDigits);
    }

    private static IntentModelInfo ReadInfo(BinaryReader r)
    {
        var oos = r.ReadString();
        var seed = r.ReadInt32();
        var dataHash = r.ReadString();
        var trainingExamples = r.ReadInt32();
        var calibrationExamples = r.ReadInt32();
        var c = r.ReadSingle();
        var oosWeight = r.ReadSingle();
        var features = new FeatureOptions
        {
            WordNgramMax = r.ReadInt32(),
            WordPairWindow = r.ReadInt32(),
            CharNgramMin = r.ReadInt32(),
            CharNgramMax = r.ReadInt32(),
            CjkNgramMax = r.ReadInt32(),
            WordMinDf = r.ReadInt32(),
            CharMinDf = r.ReadInt32(),
            CharBlockWeight = r.ReadSingle(),
            FoldDigits = r.ReadBoolean(),
        };
        features.Validate();
        return new IntentModelInfo(oos, seed, dataHash, trainingExamples, calibrationExamples, c, oosWeight, features);
    }
}
