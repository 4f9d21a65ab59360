using System.CommandLine;
using PuoAiOps.Application.Demo;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo demo seed` and `puo demo remove`: the marked demo records, nothing else.</summary>
internal static class DemoCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var demo = new Command("demo", "Demo workspace (marked records of a live-streaming support team)");

        var seed = new Command("seed", "Add the demo workspace (does nothing when it is already there)");
        bind(async (ctx, ct) =>
        {
            await using var db = await ctx.OpenDatabaseAsync(ct);
            var result = await new DemoWorkspace(db).SeedAsync(ct);
            if (ctx.Json) ctx.WriteJson(result);
            else ctx.Out.WriteLine(result.Seeded
                ? $"Seeded the demo workspace in {result.Elapsed.TotalSeconds:0.0} s: {result.Intents} intents, {result.SopDocuments} SOP documents, " +
                  $"{result.Scripts} reply scripts, {result.Questions} questions, {result.Conversations} conversations."
                : "The demo workspace is already there; nothing added.");
            return PuoCli.Ok;
        }).AttachTo(seed);
        demo.Subcommands.Add(seed);

        var remove = new Command("remove", "Remove every demo record (records you created stay)");
        bind(async (ctx, ct) =>
        {
            await using var db = await ctx.OpenDatabaseAsync(ct);
            DemoRemoveResult result;
            try
            {
                result = await new DemoWorkspace(db).RemoveAsync(ct);
            }
            catch (DemoRemovalBlockedException ex)
            {
                await ctx.Error.WriteLineAsync($"error: {ex.Message}");
                return PuoCli.Failure;
            }
            if (ctx.Json) ctx.WriteJson(result);
            else ctx.Out.WriteLine($"Removed the demo workspace: {result.Intents} intents, {result.Questions} questions, " +
                                   $"{result.Conversations} conversations, {result.Users} demo users.");
            return PuoCli.Ok;
        }).AttachTo(remove);
        demo.Subcommands.Add(remove);
        return demo;
    }
}
