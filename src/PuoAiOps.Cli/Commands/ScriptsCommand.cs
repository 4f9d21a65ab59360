using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo scripts lint FILE`, `puo scripts import FILE`, `puo scripts export [--out FILE]`,
/// `puo scripts import-replies FILE` (agent replies to standardize). FILE is YAML
/// or JSON: a list of {intent, locale, channel, body, variables}. Lint exits 0 when no finding is an
/// error, 1 otherwise, 2 for a file it cannot read; imports land as drafts for review.
/// </summary>
internal static class ScriptsCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var scripts = new Command("scripts", "Reply scripts: lint a file against the style rules, import a file as drafts, export");
        scripts.Subcommands.Add(Lint(bind));
        scripts.Subcommands.Add(Import(bind));
        scripts.Subcommands.Add(Export(bind));
        scripts.Subcommands.Add(ScriptsImportRepliesCommand.Create(bind));
        return scripts;
    }

    private static Command Lint(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var lint = new Command("lint", "Check scripts in a file against the workspace's style rules");
        var path = new Argument<FileInfo>("file") { Description = "YAML or JSON list of {intent, locale, channel, body, variables}" };
        lint.Arguments.Add(path);
        bind(async (ctx, ct) =>
        {
            var items = await ReadAsync(ctx, ctx.Parse.GetValue(path)!, ct);
            if (items is null) return PuoCli.BadUsage;
            await using var services = await CliServices.BuildAsync(ctx, s => s.Services.AddScriptsServices(), ct);
            await using var scope = services.CreateAsyncScope();
            var findings = await scope.ServiceProvider.GetRequiredService<ScriptFiles>().LintAsync(items, ct);
            if (ctx.Json) ctx.WriteJson(findings.Select(f => new { index = f.Index, rule = f.Rule, severity = f.Severity, message = f.Message, start = f.Start, end = f.End }));
            else
            {
                foreach (var f in findings) ctx.Out.WriteLine($"item {f.Index} {f.Severity} {f.Rule} [{f.Start}-{f.End}]: {f.Message}");
                ctx.Out.WriteLine($"{items.Count} script(s), {findings.Count(f => f.Severity == "error")} error(s), {findings.Count(f => f.Severity == "warning")} warning(s).");
            }
            return findings.Any(f => f.Severity == "error") ? PuoCli.Failure : PuoCli.Ok;
        }).AttachTo(lint);
        return lint;
    }

    private static Command Import(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var import = new Command("import", "Import scripts from a file as drafts for review (all or nothing)");
        var path = new Argument<FileInfo>("file") { Description = "YAML or JSON list of {intent, locale, channel, title, body, variables, tags, sop_links}" };
        var actAs = new Option<string?>("--as") { Description = "Email of the Curator to record as author (default: the command line itself)" };
        import.Arguments.Add(path);
        import.Options.Add(actAs);
        bind(async (ctx, ct) =>
        {
            var file = ctx.Parse.GetValue(path)!;
            var items = await ReadAsync(ctx, file, ct);
            if (items is null) return PuoCli.BadUsage;
            await using var services = await CliServices.BuildAsync(ctx, s => s.Services.AddScriptsServices(), ct);
            await using var scope = services.CreateAsyncScope();
            var actor = await ActorAsync(scope.ServiceProvider.GetRequiredService<PuoDbContext>(), ctx.Parse.GetValue(actAs), ct);
            ScriptImportResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<ScriptFiles>().ImportAsync(items, actor, ct);
            }
            catch (ValidationException ex)
            {
                foreach (var (where, messages) in ex.Errors)
                    foreach (var message in messages)
                        await ctx.Error.WriteLineAsync($"error: {file.Name}: {where}: {message}");
                await ctx.Error.WriteLineAsync("Nothing was imported.");
                return PuoCli.BadUsage;
            }
            catch (ForbiddenException ex)
            {
                throw new CliUsageException(ex.Message);
            }
            var errors = result.Findings.Count(f => f.Severity == "error");
            if (ctx.Json) ctx.WriteJson(new { created = result.Created, drafts = result.Drafts, lintErrors = errors, lintWarnings = result.Findings.Count - errors });
            else ctx.Out.WriteLine($"Imported {result.Drafts} draft(s) ({result.Created} new script(s)); lint: {errors} error(s), {result.Findings.Count - errors} warning(s). Drafts need review before the bot serves them.");
            return PuoCli.Ok;
        }).AttachTo(import);
        return import;
    }

    private static Command Export(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var export = new Command("export", "Write every script's current text as YAML (to standard output unless --out)");
        var output = new Option<FileInfo?>("--out") { Description = "File to write" };
        export.Options.Add(output);
        bind(async (ctx, ct) =>
        {
            await using var services = await CliServices.BuildAsync(ctx, s => s.Services.AddScriptsServices(), ct);
            await using var scope = services.CreateAsyncScope();
            var (yaml, count) = await scope.ServiceProvider.GetRequiredService<ScriptFiles>().ExportAsync(ct);
            if (ctx.Parse.GetValue(output) is { } file)
            {
                // Written beside the target first, so a failed export never leaves half a file.
                var temp = file.FullName + ".tmp";
                await File.WriteAllTextAsync(temp, yaml, ct);
                File.Move(temp, file.FullName, overwrite: true);
                if (ctx.Json) ctx.WriteJson(new { @out = file.FullName, scripts = count });
                else ctx.Out.WriteLine($"Exported {count} script(s) to {file.FullName}.");
            }
            else ctx.Out.Write(yaml);
            return PuoCli.Ok;
        }).AttachTo(export);
        return export;
    }

    private static async Task<IReadOnlyList<ScriptFileItem>?> ReadAsync(CliContext ctx, FileInfo file, CancellationToken ct)
    {
        if (!file.Exists) throw new CliUsageException($"no such file: {file.FullName}");
        var (items, errors) = ScriptFileReader.Read(await File.ReadAllTextAsync(file.FullName, ct));
        foreach (var error in errors) await ctx.Error.WriteLineAsync($"error: {file.Name}: {error.English}");
        return errors.Count > 0 ? null : items;
    }

    /// <summary>The user named by <c>--as</c> with their roles, or the command line itself as a Curator.</summary>
    internal static async Task<Actor> ActorAsync(PuoDbContext db, string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return Actor.System("cli", Roles.Curator);
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw new CliUsageException($"no user with email {email}");
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToArrayAsync(ct);
        return Actor.User(user.Id, user.DisplayName, roles);
    }
}
