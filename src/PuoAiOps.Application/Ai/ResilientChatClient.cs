using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PuoAiOps.Application.Ai;

/// <summary>
/// Time limit per attempt, retries with backoff on timeouts, 429 and 5xx, a circuit breaker that
/// stops calling an endpoint that keeps failing (callers then fall back at once instead of waiting
/// out every retry), and at most <see cref="AiOptions.MaxConcurrency"/> calls in flight. Every way the endpoint can fail ends in an
/// <see cref="AiUnavailableException"/> whose message says what happened, naming the host only.
/// </summary>
public sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;
    private readonly SemaphoreSlim _slots;
    private readonly string _host;
    private readonly string _model;
    private readonly double _timeoutSeconds;
    private readonly int _attempts;

    public ResilientChatClient(IChatClient inner, AiOptions options, TimeProvider clock) : base(inner)
    {
        ArgumentNullException.ThrowIfNull(options);
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _host = ChatClientFactory.DescribeEndpoint(options);
        _model = options.Model ?? "";
        _timeoutSeconds = options.TimeoutSeconds;
        _attempts = options.MaxRetries + 1;
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (options.CircuitBreakSeconds > 0)
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = options.CircuitMinimumCalls,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, options.CircuitBreakSeconds)),
                BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakSeconds),
                StateProvider = _circuit,
                ShouldHandle = Transient(),
            });
        if (options.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(500),
                UseJitter = true,
                ShouldHandle = Transient(),
            });
        builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
        _pipeline = builder.Build();
    }

    private readonly CircuitBreakerStateProvider _circuit = new();

    /// <summary>The circuit's state, for the health check: Closed (calls go through), Open (failing fast), HalfOpen (trying again).</summary>
    public CircuitState Circuit => _circuit.CircuitState;

    private static PredicateBuilder<object> Transient() => new PredicateBuilder()
        .Handle<TimeoutRejectedException>()
        .Handle<HttpRequestException>()
        .Handle<ClientResultException>(e => e.Status is 0 or 408 or 429 or >= 500);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(
                async token => await base.GetResponseAsync(messages, options, token), cancellationToken);
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } failure)
        {
            throw failure;
        }
        finally
        {
            _slots.Release();
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
                yield return update;
        }
        finally
        {
            _slots.Release();
        }
    }

    private AiUnavailableException? Translate(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException when ct.IsCancellationRequested => null,
        BrokenCircuitException => new($"The LLM endpoint {_host} failed repeatedly; calls are paused for a while (circuit open).", ex),
        TimeoutRejectedException => new($"The LLM endpoint {_host} did not answer within {_timeoutSeconds:0.#} s ({Attempts}).", ex),
        ClientResultException { Status: 401 or 403 } c => new($"The LLM endpoint {_host} refused the credentials (HTTP {c.Status}); check Ai:ApiKey.", ex),
        ClientResultException { Status: 404 } => new($"The LLM endpoint {_host} does not know the model or deployment '{_model}' (HTTP 404); check Ai:Model and Ai:Endpoint.", ex),
        ClientResultException { Status: 429 } => new($"The LLM endpoint {_host} is rate-limiting requests (HTTP 429, {Attempts}); try again later or lower Ai:MaxConcurrency.", ex),
        ClientResultException { Status: 0 } c => new($"The LLM endpoint {_host} could not be reached: {Root(c).Message}", ex),
        ClientResultException c => new($"The LLM endpoint {_host} answered HTTP {c.Status} ({Attempts}).", ex),
        HttpRequestException h => new($"The LLM endpoint {_host} could not be reached: {h.Message}", ex),
        _ => null,
    };

    private string Attempts => _attempts == 1 ? "1 attempt" : $"{_attempts} attempts";

    private static Exception Root(Exception ex) => ex.InnerException is { } inner ? Root(inner) : ex;

    protected override void Dispose(bool disposing)
    {
        if (disposing) _slots.Dispose();
        base.Dispose(disposing);
    }
}
