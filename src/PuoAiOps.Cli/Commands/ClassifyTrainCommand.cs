using System.CommandLine;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo classify train`: trains on a file and writes the model file (by default the workspace's, in the data folder).</summary>
internal static class ClassifyTrainCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var command = new Command("train", "Train an intent model from a labelled file and save it");
        var data = new Option<string>("--data") { Description = "Training data: CSV (text,label) or JSONL", Required = true };
        var output = new Option<string?>("--out") { Description = "Model file to write (default: classifier/model.bin in the data folder)" };
        command.Options.Add(data);
        command.Options.Add(output);
        var flags = new ClassifyTrainingFlags(command, "--data");
        bind(async (ctx, ct) =>
        {
            var trainData = ClassifyData.Load(ctx.Parse.GetValue(data)!);
            var result = ClassifyData.Train(ctx.Parse.GetValue(data)!, trainData, flags.Validation(ctx), flags.Options(ctx), ct);
            var path = ctx.Parse.GetValue(output) ?? ClassifyData.WorkspaceModelPath(ctx);
            var bytes = result.Model.ToBytes();
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(path, bytes, ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    model = path,
                    bytes = bytes.Length,
                    labels = result.Model.Labels,
                    training_examples = result.Report.TrainingExamples,
                    calibration_examples = result.Report.CalibrationExamples,
                    features = result.Report.Features,
                    threshold = result.Report.Calibration.Threshold,
                    temperature = result.Report.Calibration.Temperature,
                    data_hash = result.Report.DataHash,
                    train_seconds = Math.Round(result.Report.TotalSeconds, 3),
                });
            }
            else
            {
                ClassifyReportWriter.WriteTraining(ctx.Out, result.Report);
                ctx.Out.WriteLine($"wrote {path} ({bytes.Length:N0} bytes) in {result.Report.TotalSeconds:F2} s");
            }
            return PuoCli.Ok;
        }).AttachTo(command);
        return command;
    }
}
