using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Ai.Http;
using PuoAiOps.Core.Messages;
using SkKernel = Microsoft.SemanticKernel.Kernel;

namespace PuoAiOps.Application.Ai;

/// <summary>One configured LLM connection: the connector's chat client and the HTTP handler under it.</summary>
public sealed record AiConnection(IChatClient Client, LlmResilienceHandler Resilience, HttpClient Http) : IDisposable
{
    public void Dispose()
    {
        Client.Dispose();
        Http.Dispose();
    }
}

/// <summary>
/// Builds the chat client of <see cref="AiOptions"/> with Semantic Kernel's official connectors
/// (<c>AddOpenAIChatClient</c>, <c>AddAzureOpenAIChatClient</c>): the same <see cref="IChatClient"/>
/// SK registers for its prompt functions, over an HttpClient whose handler adds our time limits,
/// retries and circuit breaker (<see cref="LlmResilienceHandler"/>). The wire protocol is the connectors'.
/// </summary>
public static class AiConnector
{
    public static readonly Uri OpenAiDefaultEndpoint = new("https://api.openai.com/v1");

    /// <param name="credential">Entra ID credential for Azure OpenAI without a key; null = <see cref="DefaultAzureCredential"/>.</param>
    public static AiConnection Connect(AiOptions options, TimeProvider clock, TokenCredential? credential = null, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled) throw new AiUnavailableException(AiRefusal.ProviderNone, AiOptions.SectionName);
        var resilience = new LlmResilienceHandler(options, clock, transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        // Time limits are per attempt in the handler; the HttpClient's own would cut a long stream.
        var http = new HttpClient(resilience) { Timeout = Timeout.InfiniteTimeSpan };
        var model = options.Model!.Trim();
        var endpoint = ResolveEndpoint(options);
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey.Trim();
        var apiVersion = string.IsNullOrWhiteSpace(options.ApiVersion) ? null : options.ApiVersion.Trim();
        var kernel = SkKernel.CreateBuilder();
        switch (options.Provider)
        {
            case AiProvider.AzureOpenAI when apiKey is not null:
                kernel.AddAzureOpenAIChatClient(model, endpoint.ToString(), apiKey, apiVersion: apiVersion, httpClient: http);
                break;
            case AiProvider.AzureOpenAI:
                kernel.AddAzureOpenAIChatClient(model, endpoint.ToString(), credential ?? EntraCredential(options), apiVersion: apiVersion, httpClient: http);
                break;
            default:
                // OpenAI (or a proxy in front of it) and OpenAI-compatible servers: the same connector at a base URL.
                kernel.AddOpenAIChatClient(model, endpoint, apiKey, httpClient: http);
                break;
        }
        IChatClient client;
        try
        {
            client = kernel.Build().Services.GetRequiredService<IChatClient>();
        }
        catch (NotSupportedException ex)
        {
            http.Dispose();
            throw new AiUnavailableException(CodedMessage.Of(AiRefusal.ApiVersionUnsupported, AiOptions.SectionName, apiVersion ?? "", ex.Message), ex);
        }
        return new AiConnection(new AiFailureChatClient(client, options), resilience, http);
    }

    /// <summary>Builds the client once without sending anything; the connector's refusal as a message, or null.</summary>
    public static string? Check(AiOptions options)
    {
        try
        {
            using var connection = Connect(options, TimeProvider.System);
            return null;
        }
        catch (AiUnavailableException ex)
        {
            return ex.Message;
        }
    }

    private static DefaultAzureCredential EntraCredential(AiOptions options) => new(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId.Trim(),
    });

    /// <summary>The base URL requests go to: OpenAI's default, the configured /v1 URL, or the Azure resource URL.</summary>
    public static Uri ResolveEndpoint(AiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.ConfiguredEndpoint;
        if (options.Provider != AiProvider.AzureOpenAI)
            return configured is null ? OpenAiDefaultEndpoint : new Uri(configured);
        // The connector builds /openai/deployments/{deployment}/… itself: keep the resource URL only.
        var root = configured!.TrimEnd('/');
        foreach (var suffix in new[] { "/openai/v1", "/openai" })
            if (root.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) root = root[..^suffix.Length];
        return new Uri(root + "/");
    }

    /// <summary>Host (and port) only, for messages and settings: never the key or query.</summary>
    public static string DescribeEndpoint(AiOptions options) =>
        options.IsEnabled ? ResolveEndpoint(options).GetLeftPart(UriPartial.Authority) : "none";
}
