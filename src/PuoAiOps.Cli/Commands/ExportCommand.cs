using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo export labels`: the final labels as a training set with a stratified train/test split.</summary>
internal static class ExportCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var export = new Command("export", "Export workspace data");

        var labels = new Command("labels", "Final labels (consensus or adjudicated) as text,label,split; out-of-scope is 'oos'");
        var format = new Option<string>("--format") { Description = "csv or jsonl", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var output = new Option<string>("--out") { Description = "File to write (overwritten)", Required = true };
        var testShare = new Option<double>("--test-share") { Description = "Share of each label put in the test split (0 to below 1)", DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int>("--seed") { Description = "Seed of the split: the same seed gives the same split", DefaultValueFactory = _ => 42 };
        var raw = new Option<bool>("--raw")
        {
            Description = "CSV cells exactly as stored, for training pipelines: UNSAFE to open in a spreadsheet " +
                          "(by default a text starting with = + - @ gets a leading apostrophe so it is not run as a formula)",
        };
        labels.Options.Add(format);
        labels.Options.Add(output);
        labels.Options.Add(testShare);
        labels.Options.Add(seed);
        labels.Options.Add(raw);

        bind(async (ctx, ct) =>
        {
            var share = ctx.Parse.GetValue(testShare);
            if (share is < 0 or >= 1 || double.IsNaN(share))
                throw new CliUsageException("--test-share must be at least 0 and below 1.");
            var path = Path.GetFullPath(ctx.Parse.GetValue(output)!);
            var directory = Path.GetDirectoryName(path);
            if (directory is not null && !Directory.Exists(directory))
                throw new CliUsageException($"The folder of --out does not exist: {directory}");
            var jsonl = ctx.Parse.GetValue(format) == "jsonl";
            if (jsonl && ctx.Parse.GetValue(raw))
                throw new CliUsageException("--raw applies to --format csv only: JSON Lines always keeps the texts as stored.");
            var request = new LabelExportRequest(jsonl ? LabelExportFormat.Jsonl : LabelExportFormat.Csv, share, ctx.Parse.GetValue(seed),
                RawCells: ctx.Parse.GetValue(raw));

            await using var db = await ctx.OpenDatabaseAsync(ct);
            LabelExportSummary summary;
            // Write beside the target and move into place, so a failed export never leaves half a file.
            var temp = path + ".partial";
            await using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                summary = await new LabelExportService(db, NullLogger<LabelExportService>.Instance).ExportAsync(writer, request, ct);
            File.Move(temp, path, overwrite: true);

            if (ctx.Json) ctx.WriteJson(new { path, summary.Format, summary.Rows, summary.Train, summary.Test, summary.TestShare, summary.Seed, labels = summary.PerLabel });
            else ctx.Out.WriteLine($"Wrote {summary.Rows} labeled questions ({summary.Train} train, {summary.Test} test, {summary.PerLabel.Count} labels) to {path}" +
                                   (request.RawCells ? " with raw cells: do not open it in a spreadsheet" : ""));
            return PuoCli.Ok;
        }).AttachTo(labels);
        export.Subcommands.Add(labels);
        return export;
    }
}
