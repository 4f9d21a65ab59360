using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Metrics;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo report daily|weekly|list`: generate (and store) a data review report and write it as Markdown or CSV, chosen by the file's extension.</summary>
internal static class ReportCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var report = new Command("report", "Data review reports");

        var daily = new Command("daily", "Generate the daily report of a day and write it (.md or .csv)");
        var date = new Option<string>("--date") { Description = "The day, YYYY-MM-DD (reporting time zone)", Required = true };
        daily.Options.Add(date);
        Attach(daily, bind, (reports, ctx, ct) => reports.GenerateDailyAsync(MetricsServices.ParseDay(ctx.Parse.GetValue(date), "--date"), "cli", ct));
        report.Subcommands.Add(daily);

        var weekly = new Command("weekly", "Generate the weekly report of an ISO week and write it (.md or .csv)");
        var week = new Option<string>("--week") { Description = "The ISO week, YYYY-Www (e.g. 2026-W49)", Required = true };
        weekly.Options.Add(week);
        Attach(weekly, bind, (reports, ctx, ct) => reports.GenerateWeeklyAsync(ctx.Parse.GetValue(week)!, "cli", ct));
        report.Subcommands.Add(weekly);

        var list = new Command("list", "List the stored reports");
        bind(async (ctx, ct) =>
        {
            await using var services = await MetricsServices.BuildAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<ReportService>().ListAsync(ct: ct);
            if (ctx.Json) ctx.WriteJson(rows);
            else if (rows.Count == 0) ctx.Out.WriteLine("No reports yet.");
            else foreach (var r in rows) ctx.Out.WriteLine($"{r.Id,6}  {r.Kind,-6}  {r.Period,-10}  {r.DefinitionsVersion}  generated {r.GeneratedAt:yyyy-MM-dd HH:mm} by {r.GeneratedBy}");
            return PuoCli.Ok;
        }).AttachTo(list);
        report.Subcommands.Add(list);
        return report;
    }

    private static void Attach(Command command, Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind,
        Func<ReportService, CliContext, CancellationToken, Task<ReportDocument>> generate)
    {
        var output = new Option<string>("--out") { Description = "File to write: .md for Markdown, .csv for CSV (overwritten)", Required = true };
        var language = new Option<string>("--lang") { Description = "en or zh", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "zh");
        command.Options.Add(output);
        command.Options.Add(language);
        bind(async (ctx, ct) =>
        {
            var path = Path.GetFullPath(ctx.Parse.GetValue(output)!);
            ReportFormat format;
            try { format = ReportRenderer.FormatOf(path); }
            catch (ArgumentException ex) { throw new CliUsageException(ex.Message); }
            var directory = Path.GetDirectoryName(path);
            if (directory is not null && !Directory.Exists(directory)) throw new CliUsageException($"The folder of --out does not exist: {directory}");

            await using var services = await MetricsServices.BuildAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            ReportDocument document;
            try { document = await generate(scope.ServiceProvider.GetRequiredService<ReportService>(), ctx, ct); }
            catch (ValidationException ex) { throw new CliUsageException(ex.Message); }

            // Beside the target, then moved into place: a failure never leaves half a report.
            var temp = path + ".partial";
            await File.WriteAllTextAsync(temp, ReportRenderer.Render(document, format, ctx.Parse.GetValue(language)!), new UTF8Encoding(false), ct);
            File.Move(temp, path, overwrite: true);
            if (ctx.Json) ctx.WriteJson(new { path, kind = document.Kind.ToString(), document.Period, format = format.ToString(), document.DefinitionsVersion });
            else ctx.Out.WriteLine($"Wrote the {document.Kind.ToString().ToLowerInvariant()} report {document.Period} ({format}, definitions {document.DefinitionsVersion}) to {path}");
            return PuoCli.Ok;
        }).AttachTo(command);
    }
}
