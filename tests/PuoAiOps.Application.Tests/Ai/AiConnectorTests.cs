using Azure.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Tests.Ai;

/// <summary>
/// Every provider path of the official connectors, over real HTTP against the fake OpenAI server:
/// the URL shape, the credentials header, and the model or deployment each provider sends.
/// </summary>
public sealed class AiConnectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi")];

    private static AiChatClientProvider Provider(AiOptions options, TokenCredential? credential = null)
    {
        Assert.Empty(options.Validate());
        return new AiChatClientProvider(Options.Create(options), TimeProvider.System, credential);
    }

    [Fact]
    public async Task OpenAI_PostsToV1ChatCompletions_WithTheKeyAsBearer()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Content("pong"));
        using var ai = Provider(new AiOptions { Provider = AiProvider.OpenAI, Endpoint = server.V1, ApiKey = "sk-secret", Model = "gpt-test" });

        var response = await ai.Client.GetResponseAsync(Hi, cancellationToken: Ct);

        Assert.Equal("pong", response.Text);
        Assert.Equal(120, response.Usage?.InputTokenCount);
        Assert.Equal(18, response.Usage?.OutputTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-secret", request.Headers["Authorization"]);
        Assert.Equal("gpt-test", request.Model);
        Assert.False(request.Headers.ContainsKey("api-key"));
    }

    [Fact]
    public async Task OpenAICompatible_ReachesAnyBaseUrl_WithoutAKey()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Content("local answer"));
        using var ai = Provider(new AiOptions { Provider = AiProvider.OpenAICompatible, BaseUrl = server.V1, Model = "llama3.1:8b" });

        var response = await ai.Client.GetResponseAsync(Hi, cancellationToken: Ct);

        Assert.Equal("local answer", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("llama3.1:8b", request.Model);
        Assert.DoesNotContain("sk-", request.Headers.GetValueOrDefault("Authorization") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzureOpenAI_WithAKey_UsesTheDeploymentPath_ApiVersion_AndTheApiKeyHeader()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Content("from azure"));
        using var ai = Provider(new AiOptions
        {
            Provider = AiProvider.AzureOpenAI, Endpoint = server.BaseAddress.ToString(), ApiKey = "azure-key", Model = "my-deployment", ApiVersion = "2024-10-21",
        });

        var response = await ai.Client.GetResponseAsync(Hi, cancellationToken: Ct);

        Assert.Equal("from azure", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/my-deployment/chat/completions", request.Path);
        Assert.Equal("?api-version=2024-10-21", request.Query);
        Assert.Equal("azure-key", request.Headers["api-key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task AzureOpenAI_WithoutAKey_SendsAnEntraIdBearerToken_ForCognitiveServices()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Content("from azure"));
        var credential = new FakeTokenCredential("entra-token-123");
        // A resource URL given with the v1 suffix still reaches the deployment path.
        using var ai = Provider(new AiOptions { Provider = AiProvider.AzureOpenAI, Endpoint = server.BaseAddress + "openai/v1", Model = "dep" }, credential);

        await ai.Client.GetResponseAsync(Hi, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/dep/chat/completions", request.Path);
        Assert.StartsWith("?api-version=", request.Query, StringComparison.Ordinal);
        Assert.Equal("Bearer entra-token-123", request.Headers["Authorization"]);
        Assert.False(request.Headers.ContainsKey("api-key"));
        Assert.Contains(credential.Scopes, s => s.StartsWith("https://cognitiveservices.azure.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AzureOpenAI_Streams_OverTheDeploymentPath()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Content("streamed from the deployment"));
        using var ai = Provider(new AiOptions { Provider = AiProvider.AzureOpenAI, Endpoint = server.BaseAddress.ToString(), ApiKey = "k", Model = "dep" });

        var pieces = new List<string>();
        await foreach (var update in ai.Client.GetStreamingResponseAsync(Hi, cancellationToken: Ct))
            if (update.Text.Length > 0) pieces.Add(update.Text);

        Assert.True(pieces.Count > 2);
        Assert.Equal("streamed from the deployment", string.Concat(pieces));
        Assert.Equal("/openai/deployments/dep/chat/completions", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task AnUnreachableHost_IsNamed_WithoutTheKey()
    {
        using var ai = Provider(new AiOptions { Provider = AiProvider.OpenAI, Endpoint = "http://127.0.0.1:9/v1", ApiKey = "sk-never-shown", Model = "m", MaxRetries = 0 });
        var failure = await Assert.ThrowsAsync<AiUnavailableException>(() => ai.Client.GetResponseAsync(Hi, cancellationToken: Ct));
        Assert.StartsWith("The LLM endpoint http://127.0.0.1:9 could not be reached: the connection was refused or dropped (detail: ", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-never-shown", failure.Message, StringComparison.Ordinal);
        // What happened is a code the console words; the connector's own English is only the last argument.
        Assert.Equal(AiRefusal.Unreachable, failure.Code.Code);
        Assert.Equal(CodedMessage.Of(AiRefusal.CauseConnection), failure.Code.Args[1]);
        Assert.IsType<string>(failure.Code.Args[^1]);
    }

    [Theory]
    [InlineData(401, "refused the credentials (HTTP 401)")]
    [InlineData(404, "does not know the model or deployment 'm' (HTTP 404)")]
    [InlineData(500, "answered HTTP 500 (2 attempts)")]
    public async Task RefusalsAndServerErrors_BecomeMessagesNamingTheHost(int status, string expected)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(new FakeReply("", Status: status));
        using var ai = Provider(new AiOptions { Provider = AiProvider.OpenAI, Endpoint = server.V1, ApiKey = "k", Model = "m", MaxRetries = 1 });
        var failure = await Assert.ThrowsAsync<AiUnavailableException>(() => ai.Client.GetResponseAsync(Hi, cancellationToken: Ct));
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Equal(status >= 500 ? 2 : 1, server.Requests.Count);
    }

    [Fact]
    public async Task AMalformedBody_IsAFailure_NotAnAnswer()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Malformed("{\"choices\": [ this is not json"));
        using var ai = Provider(new AiOptions { Provider = AiProvider.OpenAI, Endpoint = server.V1, ApiKey = "k", Model = "m", MaxRetries = 0 });
        await Assert.ThrowsAnyAsync<Exception>(() => ai.Client.GetResponseAsync(Hi, cancellationToken: Ct));
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheLimit_IsNotWaitedFor()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(new FakeReply("", Status: 429) { RetryAfter = "3600" });
        using var ai = Provider(new AiOptions { Provider = AiProvider.OpenAI, Endpoint = server.V1, ApiKey = "k", Model = "m", MaxRetries = 3, MaxRetryAfterSeconds = 20 });
        var failure = await Assert.ThrowsAsync<AiUnavailableException>(() => ai.Client.GetResponseAsync(Hi, cancellationToken: Ct));
        Assert.Contains("rate-limiting", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AnEndpointThatKeepsFailing_OpensTheCircuit_AndLaterCallsFailFast()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(new FakeReply("", Status: 503));
        using var ai = Provider(new AiOptions { Provider = AiProvider.OpenAI, Endpoint = server.V1, ApiKey = "k", Model = "m", MaxRetries = 0, CircuitMinimumCalls = 2, CircuitBreakSeconds = 300 });
        for (var i = 0; i < 2; i++)
            await Assert.ThrowsAsync<AiUnavailableException>(() => ai.Client.GetResponseAsync(Hi, cancellationToken: Ct));
        Assert.Equal("Open", ai.State);

        var fast = await Assert.ThrowsAsync<AiUnavailableException>(() => ai.Client.GetResponseAsync(Hi, cancellationToken: Ct));
        Assert.Contains("circuit open", fast.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    private sealed class FakeTokenCredential(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes) Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
