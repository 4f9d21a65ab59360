using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Scripts.AgentReplies;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo scripts import-replies FILE [--as EMAIL] [--json]`: agent replies (CSV or JSON Lines with a response column)
/// for curators to standardize into scripts; redacted before they are stored, all or nothing (exit 2 on a bad file).
/// </summary>
internal static class ScriptsImportRepliesCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var command = new Command("import-replies", "Import agent replies to standardize into scripts (CSV or JSON Lines; all or nothing)");
        var path = new Argument<FileInfo>("file") { Description = "CSV with a header, or JSON Lines: response (or reply, text), optional instruction/question, intent, locale" };
        var actAs = new Option<string?>("--as") { Description = "Email of the Curator to record as importer (default: the command line itself)" };
        command.Arguments.Add(path);
        command.Options.Add(actAs);
        bind(async (ctx, ct) =>
        {
            var file = ctx.Parse.GetValue(path)!;
            if (!file.Exists) throw new CliUsageException($"no such file: {file.FullName}");
            await using var services = await CliServices.BuildAsync(ctx, s => s.Services.AddScriptsServices(), ct);
            await using var scope = services.CreateAsyncScope();
            var actor = await ScriptsCommand.ActorAsync(scope.ServiceProvider.GetRequiredService<PuoDbContext>(), ctx.Parse.GetValue(actAs), ct);
            AgentReplyImportResult result;
            try
            {
                await using var stream = file.OpenRead();
                result = await scope.ServiceProvider.GetRequiredService<AgentReplyImporter>().ImportAsync(stream, file.Name, actor, ct);
            }
            catch (ValidationException ex)
            {
                foreach (var message in ex.Errors.SelectMany(e => e.Value).DefaultIfEmpty(ex.Message))
                    await ctx.Error.WriteLineAsync($"error: {file.Name}: {message}");
                await ctx.Error.WriteLineAsync("Nothing was imported.");
                return PuoCli.BadUsage;
            }
            catch (ForbiddenException ex)
            {
                throw new CliUsageException(ex.Message);
            }
            if (ctx.Json) ctx.WriteJson(new { imported = result.Imported, without_intent = result.WithoutIntent, unknown_intents = result.UnknownIntents });
            else
            {
                ctx.Out.WriteLine($"Imported {result.Imported} agent repl{(result.Imported == 1 ? "y" : "ies")}; {result.WithoutIntent} without a known intent.");
                if (result.UnknownIntents.Count > 0) ctx.Out.WriteLine($"Intent keys not in the taxonomy: {string.Join(", ", result.UnknownIntents)}");
            }
            return PuoCli.Ok;
        }).AttachTo(command);
        return command;
    }
}
