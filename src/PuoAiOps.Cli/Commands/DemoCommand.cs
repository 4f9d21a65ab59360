using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Encoders;

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
            DemoSetupResult setup;
            await using (var services = await ServicesAsync(ctx, ct))
            await using (var scope = services.CreateAsyncScope())
                setup = await scope.ServiceProvider.GetRequiredService<DemoSetup>().SeedAsync(ct);
            var (result, index, models) = (setup.Seed, setup.Index, setup.Models);
            if (ctx.Json)
            {
                // The seed result as before, with the SOP index and classifier steps beside it.
                var json = System.Text.Json.JsonSerializer.SerializeToNode(result, CliContext.JsonOptions)!.AsObject();
                json["index"] = System.Text.Json.JsonSerializer.SerializeToNode(index, CliContext.JsonOptions);
                json["models"] = System.Text.Json.JsonSerializer.SerializeToNode(models, CliContext.JsonOptions);
                ctx.WriteJson(json);
            }
            else
            {
                ctx.Out.WriteLine(result.Seeded
                    ? $"Seeded the demo workspace in {result.Elapsed.TotalSeconds:0.0} s: {result.Intents} intents, {result.SopDocuments} SOP documents, " +
                      $"{result.Scripts} reply scripts, {result.Questions} questions, {result.Conversations} conversations."
                    : "The demo workspace is already there; nothing added.");
                if (index is not null)
                    ctx.Out.WriteLine($"Indexed {index.Chunks} SOP chunk(s) of {index.Documents} document(s) for search in {index.Seconds:0.0} s.");
                if (models?.Trained == true)
                    ctx.Out.WriteLine($"Trained two demo classifier versions in {models.Elapsed.TotalSeconds:0.0} s; #{models.ServingId} serves.");
            }
            if (result.Seeded && index is null)
                await ctx.Error.WriteLineAsync("warning: the demo SOPs are stored but not indexed; run 'puo kb reindex'.");
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

    /// <summary>
    /// What <see cref="DemoSetup"/> needs, registered as the console registers it: the knowledge base with the shared
    /// encoder and the configured vector index (the SOP index), and classification (the demo's models).
    /// </summary>
    private static Task<ServiceProvider> ServicesAsync(CliContext ctx, CancellationToken ct) =>
        CliServices.BuildAsync(ctx, builder =>
        {
            builder.Services.AddEncoderServices();
            builder.Services.AddKnowledgeServices(KnowledgeEnvironment.Apply);
            builder.AddVectorSearch();
            builder.AddClassification();
            builder.AddDemo();
        }, ct);
}
