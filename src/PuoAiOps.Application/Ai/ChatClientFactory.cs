using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAIChat = OpenAI.Chat;

namespace PuoAiOps.Application.Ai;

/// <summary>Builds the chat client for <see cref="AiOptions"/>: OpenAI, any OpenAI-compatible server, or Azure OpenAI's v1 API.</summary>
public static class ChatClientFactory
{
    public static readonly Uri OpenAiDefaultEndpoint = new("https://api.openai.com/v1");

    /// <summary>The raw adapter (no retries or time limits; see <see cref="ResilientChatClient"/>).</summary>
    public static OpenAiChatClient Create(AiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled) throw new AiUnavailableException($"No LLM endpoint is configured ({AiOptions.SectionName}:Provider is None).");
        var endpoint = ResolveEndpoint(options);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            // Timeouts and retries are ours (Polly), so the SDK's own must not stack on top.
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds) + TimeSpan.FromSeconds(5),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            UserAgentApplicationId = "PuoAiOps",
        };
        var model = options.Model!.Trim();
        if (options.Provider == AiProvider.AzureOpenAI)
        {
            // Azure's v1 API takes the resource key in the api-key header (see AzureApiKeyPolicy).
            clientOptions.AddPolicy(new AzureApiKeyPolicy(options.ApiKey!), PipelinePosition.BeforeTransport);
        }
        // Local OpenAI-compatible servers often need no key; the SDK still wants one.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "not-needed" : options.ApiKey;
        var chat = new OpenAIChat.ChatClient(model, new ApiKeyCredential(key), clientOptions);
        return new OpenAiChatClient(chat, model, endpoint, options.Provider == AiProvider.AzureOpenAI ? "azure.ai.openai" : "openai");
    }

    /// <summary>The base URL requests go to; Azure resource URLs get <c>/openai/v1/</c>.</summary>
    public static Uri ResolveEndpoint(AiOptions options)
    {
        var configured = options.ConfiguredEndpoint;
        if (options.Provider != AiProvider.AzureOpenAI)
            return configured is null ? OpenAiDefaultEndpoint : new Uri(configured);
        var baseUrl = configured!.TrimEnd('/');
        if (!baseUrl.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase)) baseUrl += "/openai/v1";
        return new Uri(baseUrl + "/");
    }

    /// <summary>Host (and port) only, for messages and settings: never the key or query.</summary>
    public static string DescribeEndpoint(AiOptions options) =>
        options.IsEnabled ? ResolveEndpoint(options).GetLeftPart(UriPartial.Authority) : "none";

    /// <summary>Wraps <see cref="Create"/> in time limits, retries and a concurrency limit.</summary>
    public static IChatClient CreateResilient(AiOptions options, TimeProvider? clock = null) =>
        new ResilientChatClient(Create(options), options, clock ?? TimeProvider.System);
}
