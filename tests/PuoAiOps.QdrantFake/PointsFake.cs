using Grpc.Core;
using PuoAiOps.QdrantFake.Contract;

namespace PuoAiOps.QdrantFake;

/// <summary>
/// Points: upsert (named dense and sparse vectors, payload), delete by ids or filter, count, scroll
/// (by id, with a next-page offset), query, and payload field indexes. Every write is applied before
/// it answers, so <c>wait</c> is always honoured; the answer says Completed.
/// </summary>
internal sealed class PointsFake(FakeStore store) : Points.PointsBase
{
    private static long _operation;

    public override Task<PointsOperationResponse> Upsert(UpsertPoints request, ServerCallContext context)
    {
        var c = store.Get(request.CollectionName);
        var points = request.Points.Select(p => ToPoint(c, p)).ToList();
        lock (c.Gate)
        {
            foreach (var point in points) c.Points[point.Id] = point;
            c.PointsWritten += points.Count;
        }
        return Done();
    }

    public override Task<PointsOperationResponse> Delete(DeletePoints request, ServerCallContext context)
    {
        var c = store.Get(request.CollectionName);
        lock (c.Gate)
        {
            var selector = request.Points;
            var ids = selector?.PointsSelectorOneOfCase switch
            {
                PointsSelector.PointsSelectorOneOfOneofCase.Points => selector.Points.Ids.Select(Num).ToList(),
                PointsSelector.PointsSelectorOneOfOneofCase.Filter => c.Points.Values.Where(p => FakeFilter.Matches(selector.Filter, p)).Select(p => p.Id).ToList(),
                _ => throw FakeQuery.Invalid("Wrong input: no points selector"),
            };
            foreach (var id in ids) c.Points.Remove(id);
        }
        return Done();
    }

    public override Task<CountResponse> Count(CountPoints request, ServerCallContext context)
    {
        var c = store.Get(request.CollectionName);
        lock (c.Gate)
            return Task.FromResult(new CountResponse { Result = new CountResult { Count = (ulong)c.Points.Values.Count(p => FakeFilter.Matches(request.Filter, p)) } });
    }

    public override Task<ScrollResponse> Scroll(ScrollPoints request, ServerCallContext context)
    {
        var c = store.Get(request.CollectionName);
        var limit = request.HasLimit ? (int)request.Limit : 10;
        var from = request.Offset is { } offset ? Num(offset) : 0;
        var withPayload = request.WithPayload?.Enable ?? false;
        var response = new ScrollResponse();
        lock (c.Gate)
        {
            var page = c.Points.Values.Where(p => p.Id >= from && FakeFilter.Matches(request.Filter, p)).Take(limit + 1).ToList();
            foreach (var p in page.Take(limit))
            {
                var retrieved = new RetrievedPoint { Id = new PointId { Num = p.Id } };
                if (withPayload) retrieved.Payload.Add(p.Payload);
                response.Result.Add(retrieved);
            }
            if (page.Count > limit) response.NextPageOffset = new PointId { Num = page[limit].Id };
        }
        return Task.FromResult(response);
    }

    public override Task<QueryResponse> Query(QueryPoints request, ServerCallContext context)
    {
        var c = store.Get(request.CollectionName);
        var withPayload = request.WithPayload?.Enable ?? false;
        var response = new QueryResponse();
        lock (c.Gate)
        {
            var offset = request.HasOffset ? request.Offset : 0;
            var limit = request.HasLimit ? request.Limit : 10;
            var hits = FakeQuery.Run(c, request.Prefetch, request.Query, request.HasUsing ? request.Using : null, request.Filter, offset + limit,
                request.HasScoreThreshold ? request.ScoreThreshold : null);
            foreach (var (point, score) in hits.Skip((int)offset))
            {
                var scored = new ScoredPoint { Id = new PointId { Num = point.Id }, Score = score };
                if (withPayload) scored.Payload.Add(point.Payload);
                response.Result.Add(scored);
            }
        }
        return Task.FromResult(response);
    }

    public override Task<PointsOperationResponse> CreateFieldIndex(CreateFieldIndexCollection request, ServerCallContext context)
    {
        var c = store.Get(request.CollectionName);
        if (!request.HasFieldType) throw FakeQuery.Invalid("Wrong input: field_type is required");
        var type = request.FieldType switch
        {
            FieldType.Keyword => PayloadSchemaType.Keyword,
            FieldType.Integer => PayloadSchemaType.Integer,
            FieldType.Bool => PayloadSchemaType.Bool,
            _ => throw FakeFilter.Unimplemented($"{request.FieldType} payload indexes"),
        };
        lock (c.Gate) c.Indexes[request.FieldName] = type;
        return Done();
    }

    private static FakePoint ToPoint(FakeCollection c, PointStruct p)
    {
        var dense = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var sparse = new Dictionary<string, SortedDictionary<uint, float>>(StringComparer.Ordinal);
        var named = p.Vectors?.VectorsOptionsCase switch
        {
            Vectors.VectorsOptionsOneofCase.Vector => new Dictionary<string, Vector> { [""] = p.Vectors.Vector },
            Vectors.VectorsOptionsOneofCase.Vectors_ => p.Vectors.Vectors_.Vectors.ToDictionary(v => v.Key, v => v.Value),
            _ => [],
        };
        foreach (var (name, vector) in named)
        {
            var (d, s) = FakeVectors.Read(vector);
            if (d is not null)
            {
                if (!c.Dense.TryGetValue(name, out var size)) throw FakeQuery.Invalid($"Wrong input: Not existing vector name error: {name}");
                if ((ulong)d.Length != size) throw FakeQuery.Invalid($"Wrong input: Vector dimension error: expected dim: {size}, got {d.Length}");
                dense[name] = FakeVectors.Normalize(d);
            }
            else
            {
                if (!c.Sparse.ContainsKey(name)) throw FakeQuery.Invalid($"Wrong input: Not existing vector name error: {name}");
                sparse[name] = s!;
            }
        }
        if (c.Dense.Keys.FirstOrDefault(n => !dense.ContainsKey(n)) is { } missing)
            throw FakeQuery.Invalid($"Wrong input: Vector with name `{missing}` is required");
        return new FakePoint(Num(p.Id), dense, sparse, new Dictionary<string, Value>(p.Payload, StringComparer.Ordinal));
    }

    private static ulong Num(PointId id) =>
        id.PointIdOptionsCase == PointId.PointIdOptionsOneofCase.Num ? id.Num : throw FakeFilter.Unimplemented("UUID point ids");

    private static Task<PointsOperationResponse> Done() => Task.FromResult(new PointsOperationResponse
    {
        Result = new UpdateResult { OperationId = (ulong)Interlocked.Increment(ref _operation), Status = UpdateStatus.Completed },
    });
}
