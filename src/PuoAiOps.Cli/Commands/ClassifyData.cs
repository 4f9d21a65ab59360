using PuoAiOps.Encoders;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Cli.Commands;

/// <summary>Reads a labelled data file for the classify verbs; every problem becomes a usage error naming file and line.</summary>
internal static class ClassifyData
{
    /// <summary>
    /// Where `classify train` saves and `classify predict` reads the workspace's model file unless
    /// --out / --model say otherwise: inside the data folder, so both verbs find it from any directory.
    /// </summary>
    public static string WorkspaceModelPath(CliContext ctx) => Path.Combine(Path.GetFullPath(ctx.DataDir), "classifier", "model.bin");

    public static IReadOnlyList<LabeledText> Load(string path)
    {
        if (!File.Exists(path)) throw new CliUsageException($"{path}: file not found");
        try
        {
            using var reader = new StreamReader(path);
            var items = IntentDataReader.Read(reader, IntentDataReader.FormatFromPath(path), path);
            return items.Count > 0 ? items : throw new CliUsageException($"{path}: no labelled questions");
        }
        catch (IntentDataFormatException ex)
        {
            throw new CliUsageException(ex.Message);
        }
    }

    /// <summary>Trains on file data; data the trainer cannot use (a single label) is bad input naming the file.</summary>
    public static IntentTrainingResult Train(string trainPath, IReadOnlyList<LabeledText> train, IReadOnlyList<LabeledText>? validation,
        TrainerOptions options, CancellationToken ct)
    {
        try
        {
            return IntentTrainer.Train(train, validation, options, ct);
        }
        catch (ArgumentException ex)
        {
            var message = ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;
            throw new CliUsageException($"{trainPath}: {message}");
        }
    }

    public static IntentModel LoadModel(string path)
    {
        if (!File.Exists(path)) throw new CliUsageException($"{path}: model file not found (train one with 'puo classify train')");
        try
        {
            using var stream = File.OpenRead(path);
            var model = IntentModel.Load(stream);
            if (!model.NeedsEncoder) return model;
            if (model.Info.Encoder != MiniLmTextEncoder.EncoderName)
                throw new CliUsageException($"{path}: the model needs the '{model.Info.Encoder}' encoder, which this build does not have");
            return model.WithEncoder(new MiniLmTextEncoder());
        }
        catch (InvalidDataException ex)
        {
            throw new CliUsageException($"{path}: {ex.Message}");
        }
    }
}
