using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Bot;

/// <summary>
/// The grounded LLM answer against a fake OpenAI-compatible server (real HTTP): accepted only when
/// valid, and every failure (5xx, 429, slow, malformed, invalid) falls back without an exception.
/// </summary>
[Collection(DemoBotCollection.Name)]
public sealed partial class LlmAnswerTests(DemoBotFixture fixture)
{
    /// <summary>An SOP question of the demo (no script for its intent), so retrieval and the LLM step run.</summary>
    private const string SopQuestion = "my son spent 50 dollars on gifts without my permission, can I get a refund for a minor";

    [Fact]
    public async Task AValidGroundedAnswer_IsServed_WithItsCitations_TokensAndPromptVersion()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = r => Task.FromResult(FakeReply.Content(Answer($"Parents can ask for a refund of a minor's spending [{FirstPassage(r)}].", FirstPassage(r))));
        await using var bed = await BotTestBed.CreateAsync(fixture, OpenAi(server));
        var result = await bed.AskAsync(SopQuestion, "en");
        Assert.Equal(SourceTypes.Llm, result.Response.Source.Type);
        var request = Assert.Single(server.Requests);
        Assert.Equal("P1", FirstPassage(request));
        Assert.Equal([result.Trace.Passages[0].ChunkId], result.Response.Source.ChunkIds);
        Assert.DoesNotContain("[P1]", result.Response.Answer, StringComparison.Ordinal);
        var llm = result.Trace.Llm!;
        Assert.True(llm.Accepted);
        Assert.Equal("answer", llm.Prompt);
        Assert.Equal(12, llm.PromptVersion.Length);
        Assert.Equal(120, llm.InputTokens);
        Assert.Equal(18, llm.OutputTokens);
        Assert.Contains(result.Trace.Stages, s => s.Name == "kernel:.answer" || s.Name.EndsWith("answer", StringComparison.Ordinal));
        // The passages and the question are delimited, and the question is redacted before it leaves.
        Assert.Contains("[[passage P1]]", request.System, StringComparison.Ordinal);
        Assert.Contains("[[question]]", request.User, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalDataInTheQuestion_NeverReachesTheModel()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = r => Task.FromResult(FakeReply.Content(Answer($"See [{FirstPassage(r)}].", FirstPassage(r))));
        await using var bed = await BotTestBed.CreateAsync(fixture, OpenAi(server));
        await bed.AskAsync(SopQuestion + ", write to me at parent@example.com or +44 20 7946 0958", "en");
        var sent = Assert.Single(server.Requests);
        Assert.DoesNotContain("parent@example.com", sent.User, StringComparison.Ordinal);
        Assert.DoesNotContain("7946", sent.User, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> InvalidAnswers => new()
    {
        { "foreign citation", """{"answer":"Refunds are possible [P9].","citations":["P9"]}""" },
        { "no citation", """{"answer":"Refunds are possible.","citations":[]}""" },
        { "personal data", """{"answer":"Email refunds@example.com or call +44 20 7946 0958 [PASSAGE].","citations":["PASSAGE"]}""" },
        { "link to another domain", """{"answer":"Apply at https://refund-helper.ru/form [PASSAGE].","citations":["PASSAGE"]}""" },
        { "not json", "Sure! Parents can get a refund." },
        { "wrong shape", """{"text":"Refunds are possible","sources":[1]}""" },
        { "insufficient", """{"answer":"","citations":[]}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task AnInvalidAnswer_IsRejected_AndTheBotFallsBack(string why, string reply)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = r => Task.FromResult(FakeReply.Content(reply.Replace("PASSAGE", FirstPassage(r), StringComparison.Ordinal)));
        await using var bed = await BotTestBed.CreateAsync(fixture, OpenAi(server));
        var result = await bed.AskAsync(SopQuestion, "en");
        Assert.NotEqual(SourceTypes.Llm, result.Response.Source.Type);
        Assert.False(result.Trace.Llm!.Accepted, why);
        Assert.NotNull(result.Trace.Llm.Rejection);
        Assert.DoesNotContain("refund-helper", result.Response.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("7946", result.Response.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedResponseBody_FallsBack()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Malformed("{\"choices\": [ this is not json"));
        await using var bed = await BotTestBed.CreateAsync(fixture, OpenAi(server, retries: 0));
        var result = await bed.AskAsync(SopQuestion, "en");
        Assert.Equal(SourceTypes.Sop, result.Response.Source.Type);
        Assert.StartsWith("model unavailable", result.Trace.Llm!.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrors_AreRetried_ThenTheBotFallsBack()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(new FakeReply("", Status: 500));
        await using var bed = await BotTestBed.CreateAsync(fixture, OpenAi(server, retries: 2));
        var result = await bed.AskAsync(SopQuestion, "en");
        Assert.Equal(SourceTypes.Sop, result.Response.Source.Type);
        Assert.Equal(3, server.Requests.Count);
        Assert.False(result.Trace.Llm!.Accepted);
    }

    [Fact]
    public async Task A429_IsRetried_AndTheNextAnswerServes()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var calls = 0;
        server.Reply = r => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? new FakeReply("", Status: 429)
            : FakeReply.Content(Answer($"Parents can ask for a refund [{FirstPassage(r)}].", FirstPassage(r))));
        await using var bed = await BotTestBed.CreateAsync(fixture, OpenAi(server, retries: 2));
        var result = await bed.AskAsync(SopQuestion, "en");
        Assert.Equal(SourceTypes.Llm, result.Response.Source.Type);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ASlowModel_IsAbandonedAtTheBudget_AndTheBotFallsBack()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(new FakeReply("{}", Delay: TimeSpan.FromSeconds(60)));
        await using var bed = await BotTestBed.CreateAsync(fixture, OpenAi(server, retries: 0, timeout: 30), bot: o => o.LlmBudgetSeconds = 1);
        var clock = Stopwatch.StartNew();
        var result = await bed.AskAsync(SopQuestion, "en");
        clock.Stop();
        Assert.Equal(SourceTypes.Sop, result.Response.Source.Type);
        Assert.Equal("no answer within 1 s", result.Trace.Llm!.Rejection);
        // Far below the model's 60 s: the budget, not the model, decided (the exact bound is in docs/benchmarks.md).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task AzureOpenAi_UsesTheDeploymentPath_AndTheApiKeyHeader()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = r => Task.FromResult(FakeReply.Content(Answer($"Parents can ask for a refund [{FirstPassage(r)}].", FirstPassage(r))));
        await using var bed = await BotTestBed.CreateAsync(fixture, o =>
        {
            o.Provider = AiProvider.AzureOpenAI;
            o.Endpoint = server.BaseAddress.ToString();
            o.ApiKey = "azure-secret";
            o.Model = "gpt-4o-mini-deployment";
        });
        var result = await bed.AskAsync(SopQuestion, "en");
        Assert.Equal(SourceTypes.Llm, result.Response.Source.Type);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/gpt-4o-mini-deployment/chat/completions", request.Path);
        Assert.StartsWith("?api-version=", request.Query, StringComparison.Ordinal);
        Assert.Equal("azure-secret", request.Headers["api-key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task AzureOpenAi_WithEntraId_AnswersWithTheBearerToken_AndRecordsTheTokens()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = r => Task.FromResult(FakeReply.Content(Answer($"Parents can ask for a refund [{FirstPassage(r)}].", FirstPassage(r))));
        await using var bed = await BotTestBed.CreateAsync(fixture, o =>
        {
            o.Provider = AiProvider.AzureOpenAI;
            o.Endpoint = server.BaseAddress.ToString();
            o.Model = "answers";
        }, extra: s => s.AddSingleton<Azure.Core.TokenCredential>(new StaticTokenCredential("entra-bot-token")));
        var result = await bed.AskAsync(SopQuestion, "en");
        Assert.Equal(SourceTypes.Llm, result.Response.Source.Type);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/answers/chat/completions", request.Path);
        Assert.Equal("Bearer entra-bot-token", request.Headers["Authorization"]);
        Assert.Equal(120, result.Trace.Llm!.InputTokens);
    }

    private sealed class StaticTokenCredential(string token) : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    [Fact]
    public async Task Streaming_ArrivesInPieces_WithUsage()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Content("Parents can ask for a refund of a minor's spending."));
        var options = new AiOptions();
        OpenAi(server)(options);
        using var provider = new AiChatClientProvider(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
        var pieces = new List<string>();
        Microsoft.Extensions.AI.UsageDetails? usage = null;
        await foreach (var update in provider.Client.GetStreamingResponseAsync([new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.User, "hi")],
            cancellationToken: TestContext.Current.CancellationToken))
        {
            if (update.Text.Length > 0) pieces.Add(update.Text);
            usage ??= update.Contents.OfType<Microsoft.Extensions.AI.UsageContent>().FirstOrDefault()?.Details;
        }
        Assert.True(pieces.Count > 3);
        Assert.Equal("Parents can ask for a refund of a minor's spending.", string.Concat(pieces));
        Assert.Equal(18, usage?.OutputTokenCount);
        Assert.Equal(true, Assert.Single(server.Requests).Body["stream"]?.GetValue<bool>());
    }

    internal static Action<AiOptions> OpenAi(FakeOpenAiServer server, int retries = 1, double timeout = 10) => o =>
    {
        o.Provider = AiProvider.OpenAI;
        o.Endpoint = server.V1;
        o.ApiKey = "test-key";
        o.Model = "fake-model";
        o.MaxRetries = retries;
        o.TimeoutSeconds = timeout;
    };

    internal static string Answer(string text, string passage) => JsonSerializer.Serialize(new { answer = text, citations = new[] { passage } });

    /// <summary>The label of the first passage the prompt carried (P1), or "none".</summary>
    internal static string FirstPassage(ReceivedRequest request) => PassageId().Match(request.System).Groups[1].Value is { Length: > 0 } id ? id : "none";

    [GeneratedRegex(@"\[\[passage (P\d+)\]\]")]
    private static partial Regex PassageId();
}
