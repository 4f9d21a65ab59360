using System.IO.Compression;
using System.Text.Json;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Application.Classification.Models;

/// <summary>
/// Turns a trained offline model into the bytes stored in <c>ModelVersion.Blob</c> and back, so every
/// instance serves the same model.
/// <para>
/// Format 1 ("replay") stores what fully determines the model: the trainer options and the exact
/// training and calibration examples (Brotli-compressed JSON). The trainer is deterministic — same
/// options and data give the same weights, whatever the thread count — so decoding re-fits and gets
/// the identical model. The core's model type has no public byte serialisation yet; once it has,
/// a format 2 holding the weights takes over here and format-1 blobs stay readable.
/// </para>
/// </summary>
public static class IntentModelCodec
{
    private static ReadOnlySpan<byte> Magic => "PUOM"u8;
    private const byte ReplayFormat = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] Encode(TrainerOptions options, IReadOnlyList<LabeledText> train, IReadOnlyList<LabeledText> validation)
    {
        var payload = new ReplayPayload(options with { MaxThreads = 1 },
            train.Select(t => new[] { t.Text, t.Label }).ToList(),
            validation.Select(t => new[] { t.Text, t.Label }).ToList());
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        buffer.WriteByte(ReplayFormat);
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            JsonSerializer.Serialize(brotli, payload, Json);
        return buffer.ToArray();
    }

    /// <summary>Rebuilds the model; throws <see cref="InvalidDataException"/> for bytes this codec did not write.</summary>
    public static IntentModel Decode(byte[] blob, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length < Magic.Length + 1 || !blob.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("Not a PuoAiOps model (bad header).");
        var format = blob[Magic.Length];
        if (format != ReplayFormat)
            throw new InvalidDataException($"Model format {format} is newer than this console understands; upgrade the console.");
        using var input = new MemoryStream(blob, Magic.Length + 1, blob.Length - Magic.Length - 1);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        var payload = JsonSerializer.Deserialize<ReplayPayload>(brotli, Json) ?? throw new InvalidDataException("Empty model payload.");
        var options = payload.Options with { MaxThreads = Environment.ProcessorCount };
        return IntentTrainer.Train(ToTexts(payload.Train), ToTexts(payload.Validation), options, ct).Model;
    }

    private static List<LabeledText> ToTexts(List<string[]> rows) =>
        rows.Select(r => r.Length == 2 ? new LabeledText(r[0], r[1]) : throw new InvalidDataException("A model example is malformed.")).ToList();

    private sealed record ReplayPayload(TrainerOptions Options, List<string[]> Train, List<string[]> Validation);
}
