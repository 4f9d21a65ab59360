using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Tests.Bot;

/// <summary>The demo workspace answers its sample questions from scripts, from SOPs and by handoff, in English and Chinese, without an LLM.</summary>
[Collection(DemoBotCollection.Name)]
public sealed class DemoBotAnswerTests(DemoBotFixture fixture) : IAsyncLifetime
{
    private BotTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await BotTestBed.CreateAsync(fixture);

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Theory]
    [InlineData("I can't log in on my iPhone, it says network error", "en")]
    [InlineData("登录的时候一直提示账号不存在，可是我昨天还能登", "zh-CN")]
    public async Task ScriptQuestions_GetTheApprovedScript_WithItsPlaceholdersFilled(string question, string locale)
    {
        var result = await _bed.AskAsync(question, locale);
        var r = result.Response;
        Assert.True(r.Source.Type == SourceTypes.Script, result.Trace.Reason);
        Assert.Equal("login_failed", r.Intent.Key);
        Assert.NotNull(r.Source.ScriptVersion);
        Assert.Contains("Sam", r.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", r.Answer, StringComparison.Ordinal);
        Assert.Equal(r.Source.ScriptVersion, result.Trace.ScriptVersionId);
        Assert.NotEmpty(result.Trace.RunnersUp);
        Assert.Contains(result.Trace.Stages, s => s.Name == "classify");
        Assert.Contains("approved script", result.Trace.Reason, StringComparison.Ordinal);
        Assert.Equal(BotReason.ApprovedScript, result.Trace.ReasonCode!.Read()!.Code);
        Assert.False(r.Escalated);
    }

    [Theory]
    [InlineData("my son spent 50 dollars on gifts without my permission, can I get a refund for a minor", "en")]
    [InlineData("孩子偷偷充值了怎么退款，未成年人充值退款", "zh-CN")]
    public async Task SopQuestions_GetTheBestPassage_WithItsChunkId(string question, string locale)
    {
        var result = await _bed.AskAsync(question, locale);
        var r = result.Response;
        Assert.True(r.Source.Type == SourceTypes.Sop, $"{r.Source.Type}: {result.Trace.Reason}");
        var chunk = Assert.Single(r.Source.ChunkIds!);
        await using var scope = _bed.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var document = await db.Chunks.Where(c => c.Id == chunk).Join(db.Documents, c => c.DocumentId, d => d.Id, (c, d) => d).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(locale, document.Locale);
        Assert.False(r.Escalated);
    }

    [Theory]
    [InlineData("what's the weather going to be like in Paris tomorrow", "en", "support team")]
    [InlineData("明天巴黎天气怎么样", "zh-CN", "人工客服")]
    public async Task OffTopicQuestions_AreHandedOff_InTheUsersLanguage_WithAnEscalation(string question, string locale, string expected)
    {
        var r = (await _bed.AskAsync(question, locale)).Response;
        Assert.Equal(SourceTypes.Handoff, r.Source.Type);
        Assert.True(r.Escalated);
        Assert.Contains(expected, r.Answer, StringComparison.Ordinal);
        await using var scope = _bed.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == r.ConversationId, TestContext.Current.CancellationToken);
        Assert.Equal(ConversationOutcome.Escalated, conversation.Outcome);
        Assert.True(conversation.IsTest);
        Assert.Equal(1, await db.Escalations.CountAsync(e => e.ConversationId == r.ConversationId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AShortFollowUp_IsReadWithThePreviousQuestion()
    {
        var first = (await _bed.AskAsync("I can't log in on my iPhone, it says network error", "en")).Response;
        var second = await _bed.AskAsync("still not working", conversation: first.ConversationId);
        Assert.Contains("network error", second.Trace.EffectiveQuestion, StringComparison.Ordinal);
        Assert.Equal("login_failed", second.Response.Intent.Key);
    }

    [Fact]
    public async Task AScriptWhosePlaceholdersTheContextCannotFill_IsNotSent()
    {
        var r = await _bed.AskAsync("I can't log in on my iPhone, it says network error", "en", context: []);
        Assert.NotEqual(SourceTypes.Script, r.Response.Source.Type);
        Assert.DoesNotContain("{{", r.Response.Answer, StringComparison.Ordinal);
        Assert.Contains("user_name", r.Trace.Reason, StringComparison.Ordinal);
    }
}
