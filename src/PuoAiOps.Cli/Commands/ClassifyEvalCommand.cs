using System.CommandLine;
using System.Diagnostics;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo classify eval`: trains a throw-away model on files and scores it on a test file.</summary>
internal static class ClassifyEvalCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var command = new Command("eval", "Train a temporary model (not the workspace's) and evaluate it on a test file");
        var train = new Option<string>("--train") { Description = "Training data: CSV (text,label) or JSONL", Required = true };
        var test = new Option<string>("--test") { Description = "Test data, same formats", Required = true };
        command.Options.Add(train);
        command.Options.Add(test);
        var flags = new ClassifyTrainingFlags(command, "--train");
        bind((ctx, ct) =>
        {
            var trainData = ClassifyData.Load(ctx.Parse.GetValue(train)!);
            var testData = ClassifyData.Load(ctx.Parse.GetValue(test)!);
            var valData = flags.Validation(ctx);
            var options = flags.Options(ctx);

            var clock = Stopwatch.StartNew();
            var result = ClassifyData.Train(ctx.Parse.GetValue(train)!, trainData, valData, options, ct);
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var evaluation = IntentEvaluator.Evaluate(result.Model, testData);
            var perSecond = ClassifyThroughput.SingleCore(result.Model, testData.Select(t => t.Text).ToArray());

            if (ctx.Json)
            {
                var json = new Dictionary<string, object?>
                {
                    ["accuracy"] = Math.Round(evaluation.Accuracy, 5),
                    ["macro_f1"] = Math.Round(evaluation.MacroF1, 5),
                };
                if (evaluation.InScopeAccuracy is { } inScope) json["in_scope_accuracy"] = Math.Round(inScope, 5);
                if (evaluation.OutOfScopeRecall is { } recall) json["oos_recall"] = Math.Round(recall, 5);
                if (evaluation.OutOfScopePrecision is { } precision) json["oos_precision"] = Math.Round(precision, 5);
                json["train_seconds"] = Math.Round(trainSeconds, 3);
                json["predict_per_second"] = Math.Round(perSecond);
                json["labels"] = result.Model.Labels.Count;
                json["features"] = result.Model.FeatureCount;
                json["threshold"] = Math.Round(result.Model.Threshold, 4);
                json["ece"] = Math.Round(evaluation.ExpectedCalibrationError, 4);
                json["model_bytes"] = result.Model.ToBytes().Length;
                ctx.WriteJson(json);
            }
            else
            {
                ClassifyReportWriter.WriteEvaluation(ctx.Out, evaluation, result.Report, trainSeconds, perSecond);
            }
            return Task.FromResult(PuoCli.Ok);
        }).AttachTo(command);
        return command;
    }
}
