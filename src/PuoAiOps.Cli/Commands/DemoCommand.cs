using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
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
            DemoSeedResult result;
            await using (var db = await ctx.OpenDatabaseAsync(ct))
                result = await new DemoWorkspace(db).SeedAsync(ct);
            // Two classifier versions trained on the demo labels, the better one serving.
            DemoModelsResult models;
            await using (var services = await ClassifyWorkspaceCommand.ServicesAsync(ctx, ct))
            await using (var scope = services.CreateAsyncScope())
                models = await scope.ServiceProvider.GetRequiredService<DemoModels>().EnsureAsync(ct);
            if (ctx.Json)
            {
                // The seed result as before, with the classifier step beside it.
                var json = System.Text.Json.JsonSerializer.SerializeToNode(result, CliContext.JsonOptions)!.AsObject();
                json["models"] = System.Text.Json.JsonSerializer.SerializeToNode(models, CliContext.JsonOptions);
                ctx.WriteJson(json);
            }
            else
            {
                ctx.Out.WriteLine(result.Seeded
                    ? $"Seeded the demo workspace in {result.Elapsed.TotalSeconds:0.0} s: {result.Intents} intents, {result.SopDocuments} SOP documents, " +
                      $"{result.Scripts} reply scripts, {result.Questions} questions, {result.Conversations} conversations."
                    : "The demo workspace is already there; nothing added.");
                if (models.Trained)
                    ctx.Out.WriteLine($"Trained two demo classifier versions in {models.Elapsed.TotalSeconds:0.0} s; #{models.ServingId} serves.");
            }
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
