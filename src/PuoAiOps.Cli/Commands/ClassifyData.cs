using PuoAiOps.Encoders;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Cli.Commands;

/// <summary>Reads a labelled data file for the classify verbs; every problem becomes a usage error naming file and line.</summary>
internal static class ClassifyData
{
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
