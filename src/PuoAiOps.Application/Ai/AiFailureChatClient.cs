using System.ClientModel;
using System.Runtime.CompilerServices;
using Azure.Identity;
using Microsoft.Extensions.AI;

namespace PuoAiOps.Application.Ai;

/// <summary>
/// Turns what the connector throws when the endpoint refuses or cannot be reached into an
/// <see cref="AiUnavailableException"/> whose message says what happened and names the host only
/// (never the key), so every feature reports LLM failures the same way.
/// </summary>
public sealed class AiFailureChatClient(IChatClient inner, AiOptions options) : DelegatingChatClient(inner)
{
    private readonly string _host = AiConnector.DescribeEndpoint(options);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync()) yield break;
            }
            catch (Exception ex) when (Translate(ex, cancellationToken) is { } failure)
            {
                throw failure;
            }
            yield return updates.Current;
        }
    }

    private AiUnavailableException? Translate(Exception ex, CancellationToken ct) => ex switch
    {
        AiUnavailableException => null,
        OperationCanceledException when ct.IsCancellationRequested => null,
        AuthenticationFailedException or CredentialUnavailableException => new($"No Entra ID token for the LLM endpoint {_host}: {ex.Message.Split('\n')[0]} (set {AiOptions.SectionName}:ApiKey, or sign in / give the host a managed identity).", ex),
        ClientResultException { Status: 401 or 403 } c => new($"The LLM endpoint {_host} refused the credentials (HTTP {c.Status}); check {AiOptions.SectionName}:ApiKey.", ex),
        ClientResultException { Status: 404 } => new($"The LLM endpoint {_host} does not know the model or deployment '{options.Model}' (HTTP 404); check {AiOptions.SectionName}:Model and :Endpoint.", ex),
        ClientResultException { Status: 429 } => new($"The LLM endpoint {_host} is rate-limiting requests (HTTP 429, {Attempts}); try again later or lower {AiOptions.SectionName}:MaxConcurrency.", ex),
        ClientResultException { Status: 0 } c => new($"The LLM endpoint {_host} could not be reached: {Root(c).Message}", ex),
        ClientResultException c => new($"The LLM endpoint {_host} answered HTTP {c.Status} ({Attempts}).", ex),
        HttpRequestException h => new($"The LLM endpoint {_host} could not be reached: {h.Message}", ex),
        _ => null,
    };

    private string Attempts => options.MaxRetries == 0 ? "1 attempt" : $"{options.MaxRetries + 1} attempts";

    private static Exception Root(Exception ex) => ex.InnerException is { } inner ? Root(inner) : ex;
}
