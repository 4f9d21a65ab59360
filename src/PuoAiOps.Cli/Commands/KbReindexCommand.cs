using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Knowledge.Indexing;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo kb reindex`: rebuild both indexes from the database and report counts that had drifted.</summary>
internal static class KbReindexCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var command = new Command("reindex", "Rebuild the keyword and vector indexes from the database (computing missing vectors)");
        bind(async (ctx, ct) =>
        {
            await using var services = await KbCommand.ServicesAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var r = await scope.ServiceProvider.GetRequiredService<ReindexService>().ReindexAsync(ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    documents = r.Documents, chunks = r.Chunks, keywordBefore = r.KeywordBefore, vectorsBefore = r.VectorsBefore,
                    keywordAfter = r.KeywordAfter, vectorsAfter = r.VectorsAfter, embedded = r.Embedded, keywordMismatch = r.KeywordMismatch,
                    vectorMismatch = r.VectorMismatch, vectorsMissing = r.VectorsMissing, vectorsOrphaned = r.VectorsOrphaned, vectorIndex = VectorIndexName(scope),
                    seconds = Math.Round(r.Seconds, 2),
                });
                return PuoCli.Ok;
            }
            if (r.KeywordMismatch) ctx.Out.WriteLine($"mismatch: the keyword index held {r.KeywordBefore} chunk(s); the database has {r.Chunks}.");
            if (r.VectorsBefore is { } held && held != r.Chunks) ctx.Out.WriteLine($"mismatch: the vector index held {held} vector(s); the database has {r.Chunks} chunk(s).");
            if (r.VectorsMissing > 0 || r.VectorsOrphaned > 0)
                ctx.Out.WriteLine($"mismatch: the vector index lacked {r.VectorsMissing} chunk(s) and held {r.VectorsOrphaned} the database no longer has.");
            ctx.Out.WriteLine($"Reindexed {r.Chunks} chunk(s) of {r.Documents} document(s) in {r.Seconds:0.0} s: keyword {r.KeywordAfter}, vectors {r.VectorsAfter?.ToString() ?? "-"} ({r.Embedded} computed) in the {VectorIndexName(scope)} index.");
            return PuoCli.Ok;
        }).AttachTo(command);
        return command;
    }

    private static string VectorIndexName(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<KnowledgeIndexes>().Vectors?.Name ?? "no vector";
}
