using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Knowledge;

/// <summary>
/// At start, rebuilds the indexes from the database when their counts disagree with it: a new
/// workspace (the demo SOPs), a deleted index folder, or writes made while the index was away.
/// Runs in the background so the console answers at once; a failure is logged, never fatal.
/// </summary>
internal sealed class KnowledgeStartupIndexer(IServiceScopeFactory scopes, IOptions<KnowledgeOptions> options, ILogger<KnowledgeStartupIndexer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IndexAtStart) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var indexes = scope.ServiceProvider.GetRequiredService<KnowledgeIndexes>();
            var chunks = await ReindexService.IndexedChunks(db).CountAsync(stoppingToken);
            var vectorsOk = indexes.Vectors is not { } v || await v.CountAsync(stoppingToken) == chunks;
            if (indexes.Keyword.Count == chunks && vectorsOk) return;
            await scope.ServiceProvider.GetRequiredService<ReindexService>().ReindexAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            KnowledgeLog.StartupIndexFailed(logger, ex);
        }
    }
}
