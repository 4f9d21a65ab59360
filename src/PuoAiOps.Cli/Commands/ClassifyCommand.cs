using System.CommandLine;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo classify eval|train|predict`: the offline intent classifier on files. Models live in
/// files for now; the workspace model registry stores the same bytes (<c>IntentModel.ToBytes</c>).
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var classify = new Command("classify", "Train, evaluate and run the offline intent classifier");
        classify.Subcommands.Add(ClassifyEvalCommand.Create(bind));
        classify.Subcommands.Add(ClassifyTrainCommand.Create(bind));
        classify.Subcommands.Add(ClassifyPredictCommand.Create(bind));
        return classify;
    }

    public static Option<float?> TargetRecallOption() => new("--target-oos-recall")
    {
        Description = "Share of the validation set's out-of-scope questions the confidence threshold must reject (default 0.75)",
    };

    /// <summary>Trainer options from the shared flags; out-of-range values are usage errors.</summary>
    public static PuoAiOps.Core.Classification.TrainerOptions Options(CliContext ctx, Option<int> seed, Option<float?> targetRecall)
    {
        var options = new PuoAiOps.Core.Classification.TrainerOptions { Seed = ctx.Parse.GetValue(seed) };
        if (ctx.Parse.GetValue(targetRecall) is { } recall)
        {
            if (recall is < 0 or > 1) throw new CliUsageException("--target-oos-recall must be between 0 and 1");
            options = options with { TargetOutOfScopeRecall = recall };
        }
        return options;
    }

    public static Option<int> SeedOption() => new("--seed")
    {
        Description = "Random seed: the same data, options and seed give the same model bytes",
        DefaultValueFactory = _ => 1,
    };
}
