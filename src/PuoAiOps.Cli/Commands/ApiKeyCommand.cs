using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo apikey create --name N [--rate N] [--json]`: a key for a service channel's bot API, shown
/// once (only its hash is stored; audited like a key made in Admin). `puo apikey list` shows prefixes only.
/// </summary>
internal static class ApiKeyCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var apikey = new Command("apikey", "API keys for the bot API of the service channels");
        var create = new Command("create", "Create a key; the secret is printed once and cannot be shown again");
        var name = new Option<string>("--name") { Description = "What the key is for (the channel or client)", Required = true };
        var role = new Option<string>("--role") { Description = $"Role recorded with the key: {string.Join(", ", Roles.All)}", DefaultValueFactory = _ => Roles.Viewer };
        var rate = new Option<int?>("--rate") { Description = "Requests per minute for this key (default: the workspace's Bot:RequestsPerMinute)" };
        foreach (var option in new Option[] { name, role, rate }) create.Options.Add(option);
        bind(async (ctx, ct) =>
        {
            await using var provider = await CliServices.BuildAsync(ctx, _ => { }, ct);
            await using var scope = provider.CreateAsyncScope();
            var keys = new ApiKeyService(scope.ServiceProvider.GetRequiredService<PuoDbContext>());
            ApiKeyResult result;
            try
            {
                result = await keys.CreateAsync(Actor.System("command line"), ctx.Parse.GetValue(name), ctx.Parse.GetValue(role), ctx.Parse.GetValue(rate), ct);
            }
            catch (ValidationException ex)
            {
                throw new CliUsageException(ex.Message);
            }
            if (result.Error is { } error) throw new CliUsageException(Describe(error));
            var created = result.Created!;
            if (ctx.Json)
                ctx.WriteJson(new { id = created.Key.Id, name = created.Key.Name, prefix = created.Key.Prefix, role = created.Key.Role, requestsPerMinute = ctx.Parse.GetValue(rate), key = created.Secret });
            else
            {
                ctx.Out.WriteLine(created.Secret);
                ctx.Error.WriteLine($"Created key {created.Key.Prefix} ({created.Key.Name}). This is the only time it is shown: store it now.");
            }
            return PuoCli.Ok;
        }).AttachTo(create);

        var list = new Command("list", "List keys (prefix, name, last use; never the secret)");
        bind(async (ctx, ct) =>
        {
            await using var provider = await CliServices.BuildAsync(ctx, _ => { }, ct);
            await using var scope = provider.CreateAsyncScope();
            var all = await new ApiKeyService(scope.ServiceProvider.GetRequiredService<PuoDbContext>()).ListAsync(ct);
            if (ctx.Json) ctx.WriteJson(all.Select(k => new { id = k.Id, name = k.Name, prefix = k.Prefix, role = k.Role, createdAt = k.CreatedAt, lastUsedAt = k.LastUsedAt, revokedAt = k.RevokedAt }));
            else foreach (var k in all) ctx.Out.WriteLine($"{k.Id}\t{k.Prefix}\t{k.Name}\t{(k.IsRevoked ? "revoked" : "active")}\tlast used {k.LastUsedAt?.ToString("u") ?? "never"}");
            return PuoCli.Ok;
        }).AttachTo(list);

        apikey.Subcommands.Add(create);
        apikey.Subcommands.Add(list);
        return apikey;
    }

    private static string Describe(ApiKeyError error) => error switch
    {
        ApiKeyError.NameRequired => "--name is required.",
        ApiKeyError.NameTooLong => $"--name is longer than {ApiKeyService.MaxNameLength} characters.",
        ApiKeyError.UnknownRole => $"unknown role; use one of: {string.Join(", ", Roles.All)}",
        _ => error.ToString(),
    };
}
