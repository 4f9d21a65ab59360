using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Ai.Http;

/// <summary>
/// The HTTP handler under the official connectors' client: at most <see cref="AiOptions.MaxConcurrency"/>
/// requests in flight, a time limit per attempt (covering the whole body of a JSON answer, the
/// headers of a stream), retries on timeouts, 408, 429 and 5xx after the server's Retry-After (or
/// exponential backoff when it sends none), and a circuit breaker that stops calling an endpoint that
/// keeps failing so callers fall back at once. The connector's own retries are off (it gets an
/// HttpClient of ours), so these are the only ones. A wait that cannot end in an answer (circuit open,
/// every attempt timed out) ends in an <see cref="AiUnavailableException"/> naming the host.
/// </summary>
public sealed class LlmResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly SemaphoreSlim _slots;
    private readonly string _host;
    private readonly AiOptions _options;
    private readonly TimeProvider _clock;

    public LlmResilienceHandler(AiOptions options, TimeProvider clock, HttpMessageHandler inner) : base(inner)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clock = clock;
        _host = AiConnector.DescribeEndpoint(options);
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (options.CircuitBreakSeconds > 0)
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.5,
                MinimumThroughput = options.CircuitMinimumCalls,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, options.CircuitBreakSeconds)),
                BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakSeconds),
                StateProvider = _circuit,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        if (options.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(500),
                UseJitter = true,
                // A Retry-After longer than the limit is not waited for: the caller's fallback is better than a long stall.
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && WaitIsAcceptable(args.Outcome.Result)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, _clock)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
        _pipeline = builder.Build();
    }

    /// <summary>Closed (calls go through), Open (failing fast) or HalfOpen (trying again), for the health check.</summary>
    public CircuitState Circuit => _circuit.CircuitState;

    private bool WaitIsAcceptable(HttpResponseMessage? response) =>
        RetryAfter(response, _clock) is not { } wait || wait <= TimeSpan.FromSeconds(_options.MaxRetryAfterSeconds);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(async token =>
            {
                var response = await base.SendAsync(request, token);
                // A JSON answer is read within the attempt's time limit; a stream is read by the caller as it comes.
                if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
                    await response.Content.LoadIntoBufferAsync(token);
                return response;
            }, cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw new AiUnavailableException(CodedMessage.Of(AiRefusal.CircuitOpen, _host), ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new AiUnavailableException(CodedMessage.Of(AiRefusal.TimedOut, _host, _options.TimeoutSeconds, AiUnavailableException.AttemptsOf(_options.MaxRetries)), ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        TimeoutRejectedException or HttpRequestException => true,
        null => outcome.Result is { } r && (r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
        _ => false,
    };

    /// <summary>The server's Retry-After (seconds or a date), null when it sent none.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _slots.Dispose();
        base.Dispose(disposing);
    }
}
