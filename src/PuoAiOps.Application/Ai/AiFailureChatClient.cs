using System.ClientModel;
using System.Runtime.CompilerServices;
using Azure.Identity;
using Microsoft.Extensions.AI;
using PuoAiOps.Core.Messages;

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
        AuthenticationFailedException or CredentialUnavailableException => Failure(ex, AiRefusal.NoToken, _host, AiOptions.SectionName, ex.Message.Split('\n')[0]),
        ClientResultException { Status: 401 or 403 } c => Failure(ex, AiRefusal.CredentialsRefused, _host, c.Status, AiOptions.SectionName),
        ClientResultException { Status: 404 } => Failure(ex, AiRefusal.UnknownModel, _host, options.Model ?? "", AiOptions.SectionName),
        ClientResultException { Status: 429 } => Failure(ex, AiRefusal.RateLimited, _host, Attempts, AiOptions.SectionName),
        ClientResultException { Status: 0 } c => Failure(ex, AiRefusal.Unreachable, _host, CauseOf(c), Root(c).Message),
        ClientResultException c => Failure(ex, AiRefusal.HttpError, _host, c.Status, Attempts),
        HttpRequestException h => Failure(ex, AiRefusal.Unreachable, _host, CauseOf(h), h.Message),
        _ => null,
    };

    private static AiUnavailableException Failure(Exception inner, AiRefusal code, params object[] args) => new(CodedMessage.Of(code, args), inner);

    private CodedMessage Attempts => AiUnavailableException.AttemptsOf(options.MaxRetries);

    private static Exception Root(Exception ex) => ex.InnerException is { } inner ? Root(inner) : ex;

    /// <summary>What kind of network failure it was, as a code, from the first <see cref="HttpRequestException"/> in the chain.</summary>
    internal static CodedMessage CauseOf(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is not HttpRequestException http) continue;
            return CodedMessage.Of(http.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => AiRefusal.CauseNameResolution,
                HttpRequestError.ConnectionError => AiRefusal.CauseConnection,
                HttpRequestError.SecureConnectionError => AiRefusal.CauseSecureConnection,
                HttpRequestError.ProxyTunnelError => AiRefusal.CauseProxy,
                HttpRequestError.ResponseEnded => AiRefusal.CauseResponseEnded,
                HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError => AiRefusal.CauseInvalidResponse,
                _ => AiRefusal.CauseNetwork,
            });
        }
        return CodedMessage.Of(AiRefusal.CauseNetwork);
    }
}
