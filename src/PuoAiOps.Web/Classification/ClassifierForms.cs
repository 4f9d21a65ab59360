using System.Globalization;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Web.Classification;

/// <summary>The train form. Numbers arrive as text (invariant culture); empty means the default.</summary>
public sealed class TrainForm
{
    public string? Name { get; set; }
    public string? Note { get; set; }
    public string? C { get; set; }
    public string? OosRecall { get; set; }
    public string? TestShare { get; set; }
    public string? TrainingShare { get; set; }

    public TrainRequest ToRequest(ClassifierOptions options)
    {
        var trainer = new TrainerOptions();
        var split = options.DefaultSplit;
        return new TrainRequest
        {
            Name = Name,
            Note = Note,
            Trainer = trainer with
            {
                C = Number(C, "C", 0.01, 100) is { } c ? (float)c : trainer.C,
                TargetOutOfScopeRecall = Number(OosRecall, "oosRecall", 0, 1) is { } r ? (float)r : trainer.TargetOutOfScopeRecall,
            },
            Split = split with
            {
                TestShare = Number(TestShare, "testShare", 0.05, 0.5) ?? split.TestShare,
                TrainingShare = Number(TrainingShare, "trainingShare", 0.05, 1) ?? 1,
            },
        };
    }

    private static double? Number(string? text, string field, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ValidationException(field, string.Create(CultureInfo.InvariantCulture, $"{field} must be a number from {min} to {max}."));
        return value;
    }
}

/// <summary>Codes put in the query string after a plain form post (never free text: the page owns the wording).</summary>
public static class ClassifierNotices
{
    public const string Promoted = "promoted";
    public const string RolledBack = "rolled-back";
    public const string NoPrevious = "no-previous";
    public const string CannotServe = "cannot-serve";
    public const string NotFound = "not-found";

    public static (bool Error, string Text)? Describe(string? code, string? version) => code switch
    {
        Promoted => (false, $"Version {version} now serves. Every console instance switches to it within seconds."),
        RolledBack => (false, $"Rolled back: version {version} serves again."),
        NoPrevious => (true, "There is no earlier serving version to roll back to."),
        CannotServe => (true, "That LLM classifier cannot serve here: no LLM endpoint is configured (Ai:Provider)."),
        NotFound => (true, "That model version no longer exists."),
        _ => null,
    };
}
