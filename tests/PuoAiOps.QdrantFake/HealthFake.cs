using Grpc.Core;
using PuoAiOps.QdrantFake.Contract;

namespace PuoAiOps.QdrantFake;

/// <summary>The Qdrant service's health check: says it is the test server.</summary>
internal sealed class HealthFake : Contract.Qdrant.QdrantBase
{
    public override Task<HealthCheckReply> HealthCheck(HealthCheckRequest request, ServerCallContext context) =>
        Task.FromResult(new HealthCheckReply { Title = "qdrant - in-process test server (PuoAiOps.QdrantFake)", Version = "1.19.0" });
}
