using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Knowledge.Ingestion;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo kb ingest PATH`: a file or a folder of Markdown, HTML and text. Exit 2 when any file was refused.</summary>
internal static class KbIngestCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var command = new Command("ingest", "Ingest a file or a folder (.md, .html, .txt); unchanged sections are not re-indexed");
        var path = new Argument<string>("path") { Description = "File or folder; a folder named en or zh-CN gives its files that locale" };
        var dense = new Option<bool>("--keyword-only") { Description = "Skip computing vectors (reindex computes them later)" };
        command.Arguments.Add(path);
        command.Options.Add(dense);
        bind((ctx, ct) => KbCommand.GuardAsync(async () =>
        {
            var target = ctx.Parse.GetValue(path)!;
            if (!File.Exists(target) && !Directory.Exists(target)) throw new CliUsageException($"no such file or folder: {target}");
            await using var services = await KbCommand.ServicesAsync(ctx, ct, dense: !ctx.Parse.GetValue(dense));
            await using var scope = services.CreateAsyncScope();
            var outcomes = await scope.ServiceProvider.GetRequiredService<KnowledgeFolderSync>().IngestPathAsync(target, null, ct);
            Report(ctx, outcomes);
            return outcomes.Any(o => o.Error is not null) ? PuoCli.BadUsage : PuoCli.Ok;
        })).AttachTo(command);
        return command;
    }

    private static void Report(CliContext ctx, IReadOnlyList<FileIngestOutcome> outcomes)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(new
            {
                files = outcomes.Select(o => new
                {
                    path = o.Path, error = o.Error, status = o.Result?.Status.ToString().ToLowerInvariant(), slug = o.Result?.Slug, locale = o.Result?.Locale,
                    revision = o.Result?.Revision, chunksAdded = o.Result?.ChunksAdded, chunksRemoved = o.Result?.ChunksRemoved, chunksKept = o.Result?.ChunksKept,
                    hiddenElementsRemoved = o.Result?.HiddenElementsRemoved, invisibleCharsRemoved = o.Result?.InvisibleCharsRemoved, warning = o.Result?.IndexWarning,
                }),
            });
            return;
        }
        foreach (var o in outcomes)
        {
            if (o.Result is { } r)
            {
                var hidden = r.HiddenElementsRemoved + r.InvisibleCharsRemoved > 0 ? $"; removed {r.HiddenElementsRemoved} hidden element(s), {r.InvisibleCharsRemoved} invisible char(s)" : "";
                ctx.Out.WriteLine($"{r.Status.ToString().ToLowerInvariant(),-9} {r.Slug} ({r.Locale}) rev {r.Revision}: +{r.ChunksAdded} -{r.ChunksRemoved} ={r.ChunksKept} chunks{hidden}");
                if (r.IndexWarning is { } w) ctx.Error.WriteLine($"warning: {r.Slug}: {w}");
            }
            else ctx.Error.WriteLine($"error: {o.Error}");
        }
        var ok = outcomes.Count(o => o.Result is not null);
        ctx.Out.WriteLine($"{ok} of {outcomes.Count} file(s) ingested.");
    }
}
