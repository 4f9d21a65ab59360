using Grpc.Core;
using Grpc.Core.Interceptors;

namespace PuoAiOps.QdrantFake;

/// <summary>Checks the <c>api-key</c> header as Qdrant does, then injects the errors <see cref="FaultControl"/> asks for.</summary>
internal sealed class FaultInterceptor(FaultControl faults) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (faults.NextFailure() is { } code)
            throw new RpcException(new Status(code, $"injected fault: {code}"));
        if (faults.ApiKey is { } key && context.RequestHeaders.GetValue("api-key") != key)
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Invalid api-key"));
        return continuation(request, context);
    }
}
