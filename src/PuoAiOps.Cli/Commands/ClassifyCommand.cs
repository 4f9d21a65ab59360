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
}
