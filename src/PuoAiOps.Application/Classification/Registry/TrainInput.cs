using PuoAiOps.Application.Common;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Application.Classification.Registry;

/// <summary>Why a train setting was refused; the console words each code in the reader's language.</summary>
public enum TrainInputError
{
    NameTooLong,
    NoteTooLong,
    OutOfRange,
}

/// <summary>
/// The train form as people fill it in: empty means the default. The ranges are the rules; the console
/// checks each field with them before sending, and <see cref="ToRequest"/> checks them again.
/// </summary>
public sealed record TrainInput(string? Name = null, string? Note = null, double? C = null, double? OutOfScopeRecall = null,
    double? TestShare = null, double? TrainingShare = null)
{
    public const int MaxTextLength = 120;
    public const string NameField = "name", NoteField = "note", CField = "c", RecallField = "oosRecall", TestShareField = "testShare", TrainingShareField = "trainingShare";

    public static readonly (double Min, double Max) CRange = (0.01, 100), RecallRange = (0, 1), TestShareRange = (0.05, 0.5), TrainingShareRange = (0.05, 1);

    public static TrainInputError? CheckText(string? text, TrainInputError tooLong) => text is { Length: > MaxTextLength } ? tooLong : null;

    public static TrainInputError? CheckNumber(double? value, (double Min, double Max) range) =>
        value is { } v && (double.IsNaN(v) || v < range.Min || v > range.Max) ? TrainInputError.OutOfRange : null;

    /// <summary>Every refused field by name; empty when the input can be queued.</summary>
    public IReadOnlyDictionary<string, TrainInputError> Check()
    {
        var errors = new Dictionary<string, TrainInputError>(StringComparer.Ordinal);
        void Add(string field, TrainInputError? error) { if (error is { } e) errors[field] = e; }
        Add(NameField, CheckText(Name, TrainInputError.NameTooLong));
        Add(NoteField, CheckText(Note, TrainInputError.NoteTooLong));
        Add(CField, CheckNumber(C, CRange));
        Add(RecallField, CheckNumber(OutOfScopeRecall, RecallRange));
        Add(TestShareField, CheckNumber(TestShare, TestShareRange));
        Add(TrainingShareField, CheckNumber(TrainingShare, TrainingShareRange));
        return errors;
    }

    /// <summary>The request to queue, defaults filled in; a refused field throws with every field's reason.</summary>
    public TrainRequest ToRequest(ClassifierOptions options)
    {
        var errors = Check();
        if (errors.Count > 0)
            throw new ValidationException("Some train settings are out of range.", errors.ToDictionary(e => e.Key, e => new[] { e.Value.ToString() }));
        var trainer = new TrainerOptions();
        var split = options.DefaultSplit;
        return new TrainRequest
        {
            Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
            Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
            Trainer = trainer with
            {
                C = C is { } c ? (float)c : trainer.C,
                TargetOutOfScopeRecall = OutOfScopeRecall is { } r ? (float)r : trainer.TargetOutOfScopeRecall,
            },
            Split = split with { TestShare = TestShare ?? split.TestShare, TrainingShare = TrainingShare ?? 1 },
        };
    }
}
