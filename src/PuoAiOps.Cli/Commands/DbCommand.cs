using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo db migrate` and `puo db script` (the model's full schema, an aid for writing a new migration).</summary>
internal static class DbCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var db = new Command("db", "Workspace database");

        var migrate = new Command("migrate", "Apply pending schema migrations");
        var dryRun = new Option<bool>("--dry-run") { Description = "List pending migrations without applying them" };
        migrate.Options.Add(dryRun);
        bind(async (ctx, ct) =>
        {
            await using var context = DbContextConfigurator.Create(ctx.Database());
            var migrator = new SchemaMigrator(context);
            var ids = ctx.Parse.GetValue(dryRun) ? await migrator.PendingAsync(ct) : await migrator.MigrateAsync(ct);
            if (ctx.Json) ctx.WriteJson(new { provider = migrator.Provider.ToString(), applied = ctx.Parse.GetValue(dryRun) ? [] : ids, pending = ctx.Parse.GetValue(dryRun) ? ids : [] });
            else ctx.Out.WriteLine(ids.Count == 0 ? "Database is up to date." : $"{(ctx.Parse.GetValue(dryRun) ? "Pending" : "Applied")}: {string.Join(", ", ids)}");
            return PuoCli.Ok;
        }).AttachTo(migrate);
        db.Subcommands.Add(migrate);

        var script = new Command("script", "Print the CREATE script of the current model for a provider (to author a migration)");
        var provider = new Option<DatabaseProvider>("--provider") { Description = "Sqlite or Postgres", DefaultValueFactory = _ => DatabaseProvider.Sqlite };
        script.Options.Add(provider);
        bind((ctx, _) =>
        {
            var options = new DatabaseOptions { Provider = ctx.Parse.GetValue(provider), DataDir = Path.GetTempPath(), ConnectionString = "Host=localhost" };
            using var context = DbContextConfigurator.Create(options);
            ctx.Out.WriteLine(context.Database.GenerateCreateScript());
            return Task.FromResult(PuoCli.Ok);
        }).AttachTo(script);
        db.Subcommands.Add(script);
        return db;
    }
}
