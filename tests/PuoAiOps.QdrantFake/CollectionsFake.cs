using Grpc.Core;
using PuoAiOps.QdrantFake.Contract;

namespace PuoAiOps.QdrantFake;

/// <summary>Collections: create (named dense vectors with cosine distance, named sparse vectors), get, exists, list, delete.</summary>
internal sealed class CollectionsFake(FakeStore store) : Collections.CollectionsBase
{
    public override Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context)
    {
        var dense = new Dictionary<string, ulong>(StringComparer.Ordinal);
        switch (request.VectorsConfig?.ConfigCase)
        {
            case VectorsConfig.ConfigOneofCase.Params: dense[""] = Size(request.VectorsConfig.Params); break;
            case VectorsConfig.ConfigOneofCase.ParamsMap:
                foreach (var (name, p) in request.VectorsConfig.ParamsMap.Map) dense[name] = Size(p);
                break;
            case null or VectorsConfig.ConfigOneofCase.None: break;
        }
        var sparse = (request.SparseVectorsConfig?.Map ?? []).ToDictionary(m => m.Key, m => m.Value.HasModifier && m.Value.Modifier == Modifier.Idf, StringComparer.Ordinal);
        if (!store.TryAdd(new FakeCollection(request.CollectionName, dense, sparse)))
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Wrong input: Collection `{request.CollectionName}` already exists!"));
        return Task.FromResult(new CollectionOperationResponse { Result = true });
    }

    public override Task<GetCollectionInfoResponse> Get(GetCollectionInfoRequest request, ServerCallContext context)
    {
        var c = store.Get(request.CollectionName);
        var vectors = new VectorParamsMap();
        foreach (var (name, size) in c.Dense) vectors.Map[name] = new VectorParams { Size = size, Distance = Distance.Cosine };
        var sparse = new SparseVectorConfig();
        foreach (var (name, idf) in c.Sparse) sparse.Map[name] = idf ? new SparseVectorParams { Modifier = Modifier.Idf } : new SparseVectorParams();
        var info = new CollectionInfo
        {
            Status = CollectionStatus.Green,
            Config = new CollectionConfig { Params = new CollectionParams { ShardNumber = 1, VectorsConfig = new VectorsConfig { ParamsMap = vectors }, SparseVectorsConfig = sparse } },
        };
        lock (c.Gate)
        {
            info.PointsCount = (ulong)c.Points.Count;
            foreach (var (field, type) in c.Indexes) info.PayloadSchema[field] = new PayloadSchemaInfo { DataType = type };
        }
        return Task.FromResult(new GetCollectionInfoResponse { Result = info });
    }

    public override Task<CollectionExistsResponse> CollectionExists(CollectionExistsRequest request, ServerCallContext context) =>
        Task.FromResult(new CollectionExistsResponse { Result = new CollectionExists { Exists = store.Exists(request.CollectionName) } });

    public override Task<ListCollectionsResponse> List(ListCollectionsRequest request, ServerCallContext context)
    {
        var response = new ListCollectionsResponse();
        response.Collections.AddRange(store.Names.Select(n => new CollectionDescription { Name = n }));
        return Task.FromResult(response);
    }

    public override Task<CollectionOperationResponse> Delete(DeleteCollection request, ServerCallContext context) =>
        Task.FromResult(new CollectionOperationResponse { Result = store.Remove(request.CollectionName) });

    private static ulong Size(VectorParams p)
    {
        if (p.Distance != Distance.Cosine) throw FakeFilter.Unimplemented($"{p.Distance} distance (only Cosine)");
        if (p.Size is 0 or > 65536) throw FakeQuery.Invalid("Wrong input: vector size must be between 1 and 65536");
        return p.Size;
    }
}
