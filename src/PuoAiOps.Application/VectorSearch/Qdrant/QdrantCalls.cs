using Grpc.Core;
using Polly;
using Polly.Retry;

namespace PuoAiOps.Application.VectorSearch.Qdrant;

/// <summary>
/// Every Qdrant call goes through here: transient failures (unavailable, deadline exceeded,
/// overloaded, aborted) are retried with exponential backoff and jitter; whatever still fails becomes a
/// <see cref="VectorIndexUnavailableException"/> that says what failed, naming the host only.
/// </summary>
internal sealed class QdrantCalls
{
    private readonly ResiliencePipeline _pipeline;
    private readonly string _where;

    public QdrantCalls(QdrantOptions options, TimeProvider? clock = null)
    {
        _where = $"Qdrant at {options.Address.Host}:{options.Address.Port}";
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock ?? TimeProvider.System };
        if (options.Retries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.Retries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => IsTransient(Effective(e))),
            });
        _pipeline = builder.Build();
    }

    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken ct, bool retry = true)
    {
        try
        {
            return retry ? await _pipeline.ExecuteAsync(async token => await call(token), ct) : await call(ct);
        }
        catch (RpcException ex) when (!(ex.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested))
        {
            throw new VectorIndexUnavailableException($"{_where}: {what} failed: {Describe(ex)}.", ex);
        }
    }

    public Task RunAsync(string what, Func<CancellationToken, Task> call, CancellationToken ct, bool retry = true) =>
        RunAsync(what, async token => { await call(token); return true; }, ct, retry);

    internal static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted;

    /// <summary>
    /// The status that says what happened. A connection dropped while a call was in flight (a server stopping or
    /// restarting) reaches the client as Internal with the transport's exception attached, not as Unavailable;
    /// that is the server being unavailable, retried and described as such. An Internal error Qdrant itself
    /// answers carries no transport exception and stays what it is.
    /// </summary>
    internal static StatusCode Effective(RpcException ex) =>
        ex.StatusCode == StatusCode.Internal && IsTransportFailure(ex.Status.DebugException) ? StatusCode.Unavailable : ex.StatusCode;

    private static bool IsTransportFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is HttpRequestException or IOException or System.Net.Sockets.SocketException) return true;
        return false;
    }

    private static string Describe(RpcException ex) => Effective(ex) switch
    {
        StatusCode.Unavailable => "the server is unreachable or unavailable",
        StatusCode.DeadlineExceeded => "no answer within the time limit",
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => "the API key was refused (VectorSearch:Qdrant:ApiKey)",
        _ => $"{ex.StatusCode}: {Trim(ex.Status.Detail)}",
    };

    private static string Trim(string detail) => detail.Length <= 200 ? detail : detail[..200] + "…";
}
