using Azure.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Application.Ai;

/// <summary>
/// The one chat client of the process (built on first use from <see cref="AiOptions"/> with the
/// official connector, see <see cref="AiConnector"/>), so its concurrency limit and circuit breaker
/// hold across every feature that calls the LLM.
/// </summary>
/// <param name="credential">Entra ID credential for Azure OpenAI without a key (registered by tests or hosts); default: DefaultAzureCredential.</param>
public sealed class AiChatClientProvider(IOptions<AiOptions> options, TimeProvider clock, TokenCredential? credential = null) : IDisposable
{
    private readonly Lazy<AiConnection> _connection = new(() => AiConnector.Connect(options.Value, clock, credential));

    public AiOptions Options => options.Value;

    public bool IsConfigured => options.Value.IsEnabled;

    /// <summary>The chat client; throws <see cref="AiUnavailableException"/> when no endpoint is configured.</summary>
    public IChatClient Client => IsConfigured
        ? _connection.Value.Client
        : throw new AiUnavailableException(AiRefusal.NotConfigured, AiOptions.SectionName);

    /// <summary>For the health check: "not configured", or the circuit breaker's state (Closed, Open, HalfOpen).</summary>
    public string State => !IsConfigured ? "not configured"
        : _connection.IsValueCreated ? _connection.Value.Resilience.Circuit.ToString() : "Closed";

    /// <summary>Where requests go, for pages and settings: host only.</summary>
    public string EndpointDescription => AiConnector.DescribeEndpoint(options.Value);

    public void Dispose()
    {
        if (_connection.IsValueCreated) _connection.Value.Dispose();
    }
}
