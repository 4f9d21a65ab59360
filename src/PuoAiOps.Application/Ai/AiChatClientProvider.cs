using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Application.Ai;

/// <summary>
/// The one chat client of the process (built on first use from <see cref="AiOptions"/>, with time
/// limits and retries), so its concurrency limit holds across every feature that calls the LLM.
/// </summary>
public sealed class AiChatClientProvider(IOptions<AiOptions> options, TimeProvider clock) : IDisposable
{
    private readonly Lazy<IChatClient> _client = new(() => ChatClientFactory.CreateResilient(options.Value, clock));

    public AiOptions Options => options.Value;

    public bool IsConfigured => options.Value.IsEnabled;

    /// <summary>The chat client; throws <see cref="AiUnavailableException"/> when no endpoint is configured.</summary>
    public IChatClient Client => IsConfigured
        ? _client.Value
        : throw new AiUnavailableException($"No LLM endpoint is configured: set {AiOptions.SectionName}:Provider, :Endpoint, :Model and :ApiKey.");

    /// <summary>For the health check: "not configured", or the circuit breaker's state (Closed, Open, HalfOpen).</summary>
    public string State => !IsConfigured ? "not configured"
        : _client.IsValueCreated && _client.Value is ResilientChatClient resilient ? resilient.Circuit.ToString() : "Closed";

    /// <summary>Where requests go, for pages and settings: host only.</summary>
    public string EndpointDescription => ChatClientFactory.DescribeEndpoint(options.Value);

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value.Dispose();
    }
}
