using System.CommandLine;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo classify eval|train|predict`: the offline intent classifier on files. `train` and `predict`
/// share a model file in the data folder (or one named with --out / --model); `eval` keeps its model
/// in memory only. The workspace model registry (`puo model`) stores the same bytes (<c>IntentModel.ToBytes</c>).
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
}
