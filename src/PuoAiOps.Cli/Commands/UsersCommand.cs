using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.SignIn;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo users add --email E --role R` (the password is read from standard input, never from arguments)
/// and `puo users unlock --email E` (ends a lockout: the way back in when every admin is locked out).
/// </summary>
internal static class UsersCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var users = new Command("users", "Console users");
        var add = new Command("add", "Create a user; reads the password from standard input (first line)");
        var email = new Option<string>("--email") { Description = "Sign-in email", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the part of the email before @)" };
        add.Options.Add(email);
        add.Options.Add(role);
        add.Options.Add(name);
        bind(async (ctx, ct) =>
        {
            if (Roles.Parse(ctx.Parse.GetValue(role)) is null)
                throw new CliUsageException($"unknown role '{ctx.Parse.GetValue(role)}'; use one of: {string.Join(", ", Roles.All)}");
            var password = await ctx.In.ReadLineAsync(ct);
            if (string.IsNullOrEmpty(password))
                throw new CliUsageException("no password on standard input (example: echo 'a long passphrase' | puo users add ...)");

            await using var provider = await CliServices.BuildAsync(ctx, builder => builder.Services.AddPuoIdentityCore(), ct);
            await using var scope = provider.CreateAsyncScope();
            var admin = scope.ServiceProvider.GetRequiredService<UserAdminService>();
            await admin.EnsureRolesAsync(ct);
            var input = new NewUserInput { Email = ctx.Parse.GetValue(email)!, DisplayName = ctx.Parse.GetValue(name) ?? "", Password = password, Role = ctx.Parse.GetValue(role)! };
            // The same service, rules and audit entries as the console's admin pages; the actor is the command line.
            var result = await admin.CreateAsync(Actor.System("command line"), input, ct);
            if (!result.Succeeded)
                throw new CliUsageException(string.Join(" ", result.Errors));
            if (ctx.Json) ctx.WriteJson(new { id = result.UserId, email = ctx.Parse.GetValue(email), role = Roles.Parse(ctx.Parse.GetValue(role)) });
            else ctx.Out.WriteLine($"Created {ctx.Parse.GetValue(email)} ({Roles.Parse(ctx.Parse.GetValue(role))}).");
            return PuoCli.Ok;
        }).AttachTo(add);
        users.Subcommands.Add(add);
        users.Subcommands.Add(CreateUnlock(bind));
        return users;
    }

    private static Command CreateUnlock(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var unlock = new Command("unlock", "End a sign-in lockout and clear the failed attempts (audited)");
        var email = new Option<string>("--email") { Description = "Sign-in email", Required = true };
        unlock.Options.Add(email);
        bind(async (ctx, ct) =>
        {
            var address = ctx.Parse.GetValue(email)!;
            await using var provider = await CliServices.BuildAsync(ctx, s => s.Services.AddPuoIdentityCore(), ct);
            await using var scope = provider.CreateAsyncScope();
            var wasLocked = await scope.ServiceProvider.GetRequiredService<AccountUnlockService>()
                .UnlockAsync(address, $"cli ({Environment.UserName})", ct)
                ?? throw new CliUsageException($"no user with email {address}");
            if (ctx.Json) ctx.WriteJson(new { email = address, wasLocked });
            else ctx.Out.WriteLine(wasLocked ? $"Unlocked {address}." : $"{address} was not locked; failed attempts cleared.");
            return PuoCli.Ok;
        }).AttachTo(unlock);
        return unlock;
    }
}
