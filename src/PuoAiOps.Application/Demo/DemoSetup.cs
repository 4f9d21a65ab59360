using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Knowledge.Indexing;

namespace PuoAiOps.Application.Demo;

/// <summary>What <see cref="DemoSetup.SeedAsync"/> did: the rows, the SOP index (null when not built) and the classifier versions (null when nothing was seeded).</summary>
public sealed record DemoSetupResult(DemoSeedResult Seed, ReindexReport? Index, DemoModelsResult? Models);

/// <summary>
/// The demo workspace made ready to use, the one path of the console's first start and of <c>puo demo seed</c>:
/// the rows (<see cref="DemoWorkspace"/>), then the SOPs indexed (the bot and knowledge search answer from them at
/// once, not only after a reindex or the next start), then the demo's classifier versions (<see cref="DemoModels"/>).
/// A workspace that already has the demo is left as it is.
/// </summary>
public sealed class DemoSetup(DemoWorkspace demo, ReindexService reindex, DemoModels models, ILogger<DemoSetup> logger)
{
    public async Task<DemoSetupResult> SeedAsync(CancellationToken ct = default)
    {
        var seed = await demo.SeedAsync(ct);
        if (!seed.Seeded) return new DemoSetupResult(seed, null, null);
        var index = await IndexSopsAsync(ct);
        return new DemoSetupResult(seed, index, await models.EnsureAsync(ct));
    }

    private async Task<ReindexReport?> IndexSopsAsync(CancellationToken ct)
    {
        try
        {
            return await reindex.ReindexAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The SOP rows are committed and the rest of the demo still comes; `puo kb reindex` (or the console's
            // next start) builds the index from them.
            DemoLog.IndexFailed(logger, ex);
            return null;
        }
    }
}
