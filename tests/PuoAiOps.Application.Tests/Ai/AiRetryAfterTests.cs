using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Ai.Http;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Ai;

/// <summary>Retries wait for the server's Retry-After (on a fake clock: the wait is measured in its time, not the machine's).</summary>
public sealed class AiRetryAfterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A429_IsRetried_AfterTheServersRetryAfter()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        await using var server = await FakeOpenAiServer.StartAsync();
        var seen = new List<DateTimeOffset>();
        server.Reply = _ =>
        {
            lock (seen)
            {
                seen.Add(clock.GetUtcNow());
                return Task.FromResult(seen.Count == 1 ? new FakeReply("", Status: 429) { RetryAfter = "7" } : FakeReply.Content("after the wait"));
            }
        };
        var options = new AiOptions { Provider = AiProvider.OpenAI, Endpoint = server.V1, ApiKey = "k", Model = "m", MaxRetries = 2, TimeoutSeconds = 600 };
        using var ai = new AiChatClientProvider(Options.Create(options), clock);

        var call = ai.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Ct);
        // Fake time moves on a second per poll until the retry has answered.
        await Poll.UntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(call.IsCompleted);
        }, TimeSpan.FromSeconds(60), "the call to be retried after Retry-After and answered", Ct);

        Assert.Equal("after the wait", (await call).Text);
        Assert.Equal(2, seen.Count);
        Assert.True(seen[1] - seen[0] >= TimeSpan.FromSeconds(7), $"retried after {seen[1] - seen[0]}");
    }

    [Fact]
    public void RetryAfter_ReadsSecondsAndDates_AndNothingWhenAbsent()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(12));
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(30));
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(-30));
        using var none = new HttpResponseMessage(HttpStatusCode.InternalServerError);

        Assert.Equal(TimeSpan.FromSeconds(12), LlmResilienceHandler.RetryAfter(seconds, clock));
        Assert.Equal(TimeSpan.FromSeconds(30), LlmResilienceHandler.RetryAfter(date, clock));
        Assert.Equal(TimeSpan.Zero, LlmResilienceHandler.RetryAfter(past, clock));
        Assert.Null(LlmResilienceHandler.RetryAfter(none, clock));
    }
}
