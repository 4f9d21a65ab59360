using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Yaml;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo taxonomy export [--out FILE]` and `puo taxonomy import FILE`. An import only creates
/// proposals; reviewers approve them in the console like any other taxonomy change.
/// </summary>
internal static class TaxonomyCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var taxonomy = new Command("taxonomy", "Intent taxonomy as YAML: export it, or import a file as proposals for review");
        taxonomy.Subcommands.Add(Export(bind));
        taxonomy.Subcommands.Add(Import(bind));
        return taxonomy;
    }

    private static Command Export(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var export = new Command("export", "Write the current taxonomy as YAML (to standard output unless --out)");
        var output = new Option<FileInfo?>("--out") { Description = "File to write" };
        export.Options.Add(output);
        bind(async (ctx, ct) =>
        {
            await using var services = await CliServices.BuildAsync(ctx, builder => builder.AddTaxonomy(), ct);
            await using var scope = services.CreateAsyncScope();
            var yaml = await scope.ServiceProvider.GetRequiredService<TaxonomyYaml>().ExportAsync(ct);
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var counts = new { domains = await db.Domains.CountAsync(ct), intents = await db.Intents.CountAsync(ct) };
            var file = ctx.Parse.GetValue(output);
            if (file is not null)
            {
                await File.WriteAllTextAsync(file.FullName, yaml, ct);
                if (ctx.Json) ctx.WriteJson(new { @out = file.FullName, counts.domains, counts.intents });
                else ctx.Out.WriteLine($"Exported {counts.intents} intents in {counts.domains} domains to {file.FullName}.");
            }
            else if (ctx.Json) ctx.WriteJson(new { counts.domains, counts.intents, yaml });
            else ctx.Out.Write(yaml);
            return PuoCli.Ok;
        }).AttachTo(export);
        return export;
    }

    private static Command Import(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var import = new Command("import", "Propose the differences between a YAML file and the current taxonomy (adds, edits, deprecations)");
        var path = new Argument<FileInfo>("file") { Description = "Taxonomy YAML (the shape `puo taxonomy export` writes)" };
        var keepMissing = new Option<bool>("--keep-missing") { Description = "Do not propose deprecating intents the file leaves out" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and list the proposals without storing them" };
        var actAs = new Option<string?>("--as") { Description = "Email of the Curator to record as proposer (default: the command line itself)" };
        import.Arguments.Add(path);
        import.Options.Add(keepMissing);
        import.Options.Add(dryRun);
        import.Options.Add(actAs);
        bind(async (ctx, ct) =>
        {
            var file = ctx.Parse.GetValue(path)!;
            if (!file.Exists) throw new CliUsageException($"no such file: {file.FullName}");
            var yaml = await File.ReadAllTextAsync(file.FullName, ct);

            await using var services = await CliServices.BuildAsync(ctx, builder => builder.AddTaxonomy(), ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var actor = await ActorAsync(db, ctx.Parse.GetValue(actAs), ct);
            TaxonomyImportResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<TaxonomyYaml>()
                    .ImportAsync(yaml, actor, new TaxonomyImportOptions(!ctx.Parse.GetValue(keepMissing), ctx.Parse.GetValue(dryRun)), ct);
            }
            catch (ValidationException ex)
            {
                foreach (var (where, messages) in ex.Errors)
                    foreach (var message in messages)
                        await ctx.Error.WriteLineAsync($"error: {file.Name}: {where}: {message}");
                return PuoCli.BadUsage;
            }
            catch (ForbiddenException ex)
            {
                throw new CliUsageException(ex.Message);
            }
            Report(ctx, result);
            return PuoCli.Ok;
        }).AttachTo(import);
        return import;
    }

    /// <summary>The named user with their roles, or the command line acting as a curator (whoever can run it owns the data folder).</summary>
    private static async Task<Actor> ActorAsync(PuoDbContext db, string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return Actor.System("cli", Roles.Curator);
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw new CliUsageException($"no user with email {email}");
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToArrayAsync(ct);
        return Actor.User(user.Id, user.DisplayName, roles);
    }

    private static void Report(CliContext ctx, TaxonomyImportResult result)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(new
            {
                dryRun = result.DryRun,
                counts = Enum.GetValues<TaxonomyChangeKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), result.Count),
                proposed = result.Proposed.Select(p => new { id = p.ChangeId, kind = p.Kind.ToString(), intent = p.IntentKey, summary = p.Summary, line = p.Line }),
                alreadyPending = result.AlreadyPending.Select(p => new { id = p.ChangeId, kind = p.Kind.ToString(), intent = p.IntentKey }),
                warnings = result.Warnings,
            });
            return;
        }
        var verb = result.DryRun ? "Would propose" : "Proposed";
        ctx.Out.WriteLine($"{verb} {result.Proposed.Count} change(s) for review; {result.AlreadyPending.Count} already pending.");
        foreach (var p in result.Proposed)
            ctx.Out.WriteLine($"  {(p.ChangeId is { } id ? $"#{id}" : "-")} {p.Summary}{(p.Line > 0 ? $" (line {p.Line})" : " (not in the file)")}");
        foreach (var warning in result.Warnings) ctx.Error.WriteLine($"warning: {warning}");
    }
}
