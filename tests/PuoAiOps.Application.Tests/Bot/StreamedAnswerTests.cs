using System.Collections.Concurrent;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Tests.Infrastructure;
using static PuoAiOps.Application.Tests.Bot.LlmAnswerTests;

namespace PuoAiOps.Application.Tests.Bot;

/// <summary>
/// The playground's streamed LLM answer against the fake server's server-sent events: the draft grows
/// as the model writes, redacted and never taking text back, and the answer served is still only the
/// validated one.
/// </summary>
[Collection(DemoBotCollection.Name)]
public sealed class StreamedAnswerTests(DemoBotFixture fixture)
{
    private const string SopQuestion = "my son spent 50 dollars on gifts without my permission, can I get a refund for a minor";

    [Fact]
    public async Task AStreamedAnswer_GrowsInTheDraft_ThenIsServedValidated_WithItsTokens()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        const string text = "Parents can ask for a refund of a minor's spending within 30 days, with the order number and the date of the purchase";
        server.Reply = r => Task.FromResult(FakeReply.Content(Answer($"{text} [{FirstPassage(r)}].", FirstPassage(r))));
        await using var bed = await BotTestBed.CreateAsync(fixture, OpenAi(server));
        var drafts = new ConcurrentQueue<string>();

        var result = await bed.AskAsync(SopQuestion, "en", drafts: drafts.Enqueue);

        Assert.Equal(SourceTypes.Llm, result.Response.Source.Type);
        Assert.True(server.Requests.Single().Body["stream"]?.GetValue<bool>());
        // The fake sends eight characters per event: the reader saw the answer grow, each draft extending the last.
        Assert.True(drafts.Count > 5, $"{drafts.Count} drafts");
        var seen = "";
        foreach (var draft in drafts)
        {
            Assert.StartsWith(seen, draft, StringComparison.Ordinal);
            seen = draft;
        }
        Assert.StartsWith(text, seen, StringComparison.Ordinal);
        Assert.Equal(120, result.Trace.Llm!.InputTokens);
        Assert.Equal(18, result.Trace.Llm.OutputTokens);
        Assert.Equal("fake-model", result.Trace.Llm.Model);
    }

    [Fact]
    public async Task AStreamedDraft_IsRedacted_AndAnInvalidAnswer_IsStillRejected()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = r => Task.FromResult(FakeReply.Content(Answer($"Email refunds@example.com or call +44 20 7946 0958 today [{FirstPassage(r)}].", FirstPassage(r))));
        await using var bed = await BotTestBed.CreateAsync(fixture, OpenAi(server));
        var drafts = new ConcurrentQueue<string>();

        var result = await bed.AskAsync(SopQuestion, "en", drafts: drafts.Enqueue);

        Assert.NotEmpty(drafts);
        Assert.All(drafts, d => Assert.DoesNotContain("example.com", d, StringComparison.Ordinal));
        Assert.All(drafts, d => Assert.DoesNotContain("7946", d, StringComparison.Ordinal));
        Assert.NotEqual(SourceTypes.Llm, result.Response.Source.Type);
        Assert.Equal("answer contains personal data", result.Trace.Llm!.Rejection);
    }

    [Fact]
    public async Task WithoutADraftSink_TheAnswerIsNotStreamed()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = r => Task.FromResult(FakeReply.Content(Answer($"Parents can ask for a refund [{FirstPassage(r)}].", FirstPassage(r))));
        await using var bed = await BotTestBed.CreateAsync(fixture, OpenAi(server));

        var result = await bed.AskAsync(SopQuestion, "en");

        Assert.Equal(SourceTypes.Llm, result.Response.Source.Type);
        Assert.NotEqual(true, server.Requests.Single().Body["stream"]?.GetValue<bool>());
    }

    [Theory]
    [InlineData("call +44 20 79", "call")]
    [InlineData("within 30 days ", "within 30 days ")]
    [InlineData("write to a@b.c", "write to ")]
    [InlineData("请拨打 1380013", "请拨打 ")]
    [InlineData("退款需要七天。", "退款需要七天。")]
    [InlineData("refund within ", "refund within ")]
    public void ADraft_HoldsBackAnOpenWordOrNumber(string text, string shown) =>
        Assert.Equal(shown, AnswerDraftStream.WithoutOpenToken(text));
}
