using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Secrets;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo keys rotate`: a new workspace key file, every stored secret re-encrypted with it.</summary>
internal static class KeysCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var keys = new Command("keys", "The workspace key that encrypts stored secrets");
        var rotate = new Command("rotate", "Replace the key file's key and re-encrypt the stored secrets (stop the console first)");
        bind(async (ctx, ct) =>
        {
            // The console's registration of the key (section "Secrets", validated), not a second reading of it.
            await using var services = await CliServices.BuildAsync(ctx, _ => { }, ct);
            var secrets = services.GetRequiredService<WorkspaceSecrets>();
            if (secrets.KeyFromConfiguration)
                throw new CliUsageException("the key comes from Secrets__Key: put a new key there, the old one in Secrets__PreviousKeys__0, and restart (see docs/configuration.md)");
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var count = await secrets.RotateAsync(db, ct);
            if (ctx.Json) ctx.WriteJson(new { keyId = secrets.CurrentKeyId, keyFile = secrets.KeyFilePath, reencrypted = count });
            else ctx.Out.WriteLine($"New key {secrets.CurrentKeyId} in {secrets.KeyFilePath}; {count} secret(s) re-encrypted. Back up the new key file with the database.");
            return PuoCli.Ok;
        }).AttachTo(rotate);
        keys.Subcommands.Add(rotate);
        return keys;
    }
}
