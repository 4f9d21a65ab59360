using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge.Documents;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo kb archive|restore|delete DOCUMENT`: the same document lifecycle as the console's buttons.
/// DOCUMENT is an id or a slug (with --locale when the slug exists in several languages). Delete asks
/// for --yes, as the console asks for a confirmation: it cannot be undone.
/// </summary>
internal static class KbDocumentCommands
{
    private static readonly Actor CliActor = Actor.System("command line");

    public static Command Archive(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind) =>
        Create(bind, "archive", "Archive a document: hidden from retrieval and the document list until restored", (l, id, ct) => l.ArchiveAsync(id, CliActor, ct));

    public static Command Restore(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind) =>
        Create(bind, "restore", "Restore an archived document to retrieval and the document list", (l, id, ct) => l.RestoreAsync(id, CliActor, ct));

    public static Command Delete(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind) =>
        Create(bind, "delete", "Delete a document with its revisions, chunks and index entries (cannot be undone; needs --yes)",
            (l, id, ct) => l.DeleteAsync(id, CliActor, ct), confirm: true);

    private static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind, string name, string description,
        Func<DocumentLifecycle, long, CancellationToken, Task<DocumentChange>> change, bool confirm = false)
    {
        var command = new Command(name, description);
        var document = new Argument<string>("document") { Description = "Document id or slug" };
        var locale = new Option<string?>("--locale") { Description = "The slug's locale, when it exists in several (en, zh-CN)" };
        var yes = new Option<bool>("--yes") { Description = "Confirm the deletion" };
        command.Arguments.Add(document);
        command.Options.Add(locale);
        if (confirm) command.Options.Add(yes);
        bind(async (ctx, ct) =>
        {
            var reference = ctx.Parse.GetValue(document)!;
            if (confirm && !ctx.Parse.GetValue(yes)) throw new CliUsageException($"deleting '{reference}' cannot be undone: add --yes to confirm (or archive it instead)");
            // With the encoder, so the vector index (Qdrant) is reached too.
            await using var services = await KbCommand.ServicesAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var lifecycle = scope.ServiceProvider.GetRequiredService<DocumentLifecycle>();
            DocumentChange result;
            try
            {
                result = await change(lifecycle, await lifecycle.FindAsync(reference, ctx.Parse.GetValue(locale), ct), ct);
            }
            catch (Exception ex) when (ex is NotFoundException or ConflictException or ValidationException)
            {
                throw new CliUsageException(ex is NotFoundException ? $"no such document: {reference}" : ex.Message);
            }
            if (ctx.Json)
                ctx.WriteJson(new { id = result.Id, slug = result.Slug, locale = result.Locale, change = result.Change.ToString().ToLowerInvariant(), warning = result.IndexWarning });
            else
            {
                ctx.Out.WriteLine($"{result.Change.ToString().ToLowerInvariant()} {result.Slug} ({result.Locale}), document {result.Id}");
                if (result.IndexWarning is { } w) ctx.Error.WriteLine($"warning: {w}");
            }
            return PuoCli.Ok;
        }).AttachTo(command);
        return command;
    }
}
