using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo users add --email E --role R`: the password is read from standard input, never from arguments.</summary>
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
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccountService>();
            var result = await accounts.CreateAsync(ctx.Parse.GetValue(email)!, ctx.Parse.GetValue(name), ctx.Parse.GetValue(role)!, password, null, ct);
            if (!result.Succeeded)
                throw new CliUsageException(string.Join(" ", result.Errors));
            if (ctx.Json) ctx.WriteJson(new { id = result.UserId, email = ctx.Parse.GetValue(email), role = Roles.Parse(ctx.Parse.GetValue(role)) });
            else ctx.Out.WriteLine($"Created {ctx.Parse.GetValue(email)} ({Roles.Parse(ctx.Parse.GetValue(role))}).");
            return PuoCli.Ok;
        }).AttachTo(add);
        users.Subcommands.Add(add);
        return users;
    }
}
