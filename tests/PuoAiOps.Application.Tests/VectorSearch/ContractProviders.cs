using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Tests.Knowledge;
using PuoAiOps.Application.VectorSearch;
using PuoAiOps.Application.VectorSearch.Qdrant;
using PuoAiOps.QdrantFake;

namespace PuoAiOps.Application.Tests.VectorSearch;

/// <summary>The contract on the default provider: vectors held in memory over the workspace database.</summary>
public sealed class EmbeddedVectorIndexContractTests : VectorIndexContract
{
    private KnowledgeTestBed? _bed;

    protected override async Task<IVectorIndex> CreateIndexAsync()
    {
        _bed = await KnowledgeTestBed.CreateAsync();
        return new EmbeddedVectorIndex(_bed.Services.GetRequiredService<IServiceScopeFactory>(), "contract-test", Dimensions);
    }

    protected override async ValueTask DisposeProviderAsync()
    {
        if (_bed is not null) await _bed.DisposeAsync();
    }
}

/// <summary>The contract on Qdrant through the real client and the in-process gRPC server (with an API key).</summary>
public sealed class FakeQdrantContractTests : VectorIndexContract
{
    private FakeQdrantServer? _server;

    protected override async Task<IVectorIndex> CreateIndexAsync()
    {
        _server = await FakeQdrantServer.StartNewAsync(apiKey: "contract-key", Ct);
        return new QdrantVectorIndex(new QdrantOptions { Url = _server.Url, ApiKey = "contract-key", Collection = "contract" }, Dimensions);
    }

    protected override async ValueTask DisposeProviderAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>
/// The contract on a real Qdrant: opt-in with QDRANT_URL (gRPC, e.g. http://localhost:6334) and
/// QDRANT_API_KEY if the server wants one. Each run uses its own collection and drops it after.
/// </summary>
public sealed class RealQdrantContractTests : VectorIndexContract
{
    private QdrantVectorIndex? _index;
    private readonly string _collection = $"puo_contract_{Guid.NewGuid():N}";

    protected override Task<IVectorIndex> CreateIndexAsync()
    {
        var url = Requirements.Optional("QDRANT_URL",
            "the vector index contract ran against the embedded index and the in-process Qdrant server only; set QDRANT_URL=http://host:6334 (and QDRANT_API_KEY) to run it against a real Qdrant.");
        _index = new QdrantVectorIndex(new QdrantOptions { Url = url, ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"), Collection = _collection }, Dimensions);
        return Task.FromResult<IVectorIndex>(_index);
    }

    protected override async ValueTask DisposeProviderAsync()
    {
        if (_index is not null) await RealQdrant.DropAsync(_collection);
    }
}

internal static class RealQdrant
{
    public static async Task DropAsync(string collection)
    {
        var url = new Uri(Environment.GetEnvironmentVariable("QDRANT_URL")!);
        using var client = new global::Qdrant.Client.QdrantClient(url, Environment.GetEnvironmentVariable("QDRANT_API_KEY"));
        await client.DeleteCollectionAsync(collection);
    }
}
