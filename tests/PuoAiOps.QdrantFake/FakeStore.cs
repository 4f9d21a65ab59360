using System.Collections.Concurrent;
using Grpc.Core;
using PuoAiOps.QdrantFake.Contract;

namespace PuoAiOps.QdrantFake;

/// <summary>The server's collections, kept across a stop and restart of the server.</summary>
public sealed class FakeStore
{
    private readonly ConcurrentDictionary<string, FakeCollection> _collections = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _collections.Keys.Order(StringComparer.Ordinal).ToList();

    public bool TryAdd(FakeCollection collection) => _collections.TryAdd(collection.Name, collection);

    public bool Remove(string name) => _collections.TryRemove(name, out _);

    public bool Exists(string name) => _collections.ContainsKey(name);

    public FakeCollection Get(string name) =>
        _collections.TryGetValue(name, out var c) ? c : throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!"));
}

/// <summary>One collection: its vector configuration, payload indexes and points, behind one lock.</summary>
public sealed class FakeCollection(string name, IReadOnlyDictionary<string, ulong> dense, IReadOnlyDictionary<string, bool> sparseIdf)
{
    public string Name { get; } = name;
    public IReadOnlyDictionary<string, ulong> Dense { get; } = dense;

    /// <summary>Sparse vector names, with whether the IDF modifier is on.</summary>
    public IReadOnlyDictionary<string, bool> Sparse { get; } = sparseIdf;

    public Dictionary<string, PayloadSchemaType> Indexes { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<ulong, FakePoint> Points { get; } = [];
    public Lock Gate { get; } = new();

    /// <summary>Points written by upserts since the collection was created: lets a test see what was re-indexed.</summary>
    public int PointsWritten { get; set; }
}

public sealed record FakePoint(ulong Id, Dictionary<string, float[]> Dense, Dictionary<string, SortedDictionary<uint, float>> Sparse, Dictionary<string, Value> Payload);
