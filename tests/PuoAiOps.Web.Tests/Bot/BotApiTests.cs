using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Bot;

/// <summary>The bot API end to end: keys, limits, request checks, chat, feedback, end, the OpenAPI document.</summary>
public sealed class BotApiTests(BotApiFixture bot) : IClassFixture<BotApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chat_WithoutAKey_Gets401_AndWithARevokedKey_Gets401ProblemDetails()
    {
        using var anonymous = bot.ApiClient(null);
        var (status, _, _) = await BotApiFixture.PostAsync(anonymous, "/api/v1/chat", new { user_id = "u1", message = "refund unused coins" });
        Assert.Equal(HttpStatusCode.Unauthorized, status);

        using var revoked = bot.ApiClient(bot.RevokedKey);
        var (revokedStatus, body, response) = await BotApiFixture.PostAsync(revoked, "/api/v1/chat", new { user_id = "u1", message = "refund unused coins" });
        Assert.Equal(HttpStatusCode.Unauthorized, revokedStatus);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("revoked", body.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_WithASessionCookie_Gets403_KeysAndSessionsNeverMix()
    {
        using var admin = await bot.SignInAsAsync(Roles.Admin);
        using var response = await admin.Http.PostAsJsonAsync("/api/v1/chat", new { user_id = "u1", message = "refund unused coins" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Chat_AnswersFromTheSop_WithoutAnLlm_AndStoresTurnsAndTrace()
    {
        using var client = bot.ApiClient(bot.Key);
        var (status, body, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat",
            new { user_id = "user-42", message = "Can I get a refund for unused coins?", locale = "en", channel = "app" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sop", body.GetProperty("source").GetProperty("type").GetString());
        Assert.Contains("refunded", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.False(body.GetProperty("escalated").GetBoolean());
        var chunk = body.GetProperty("source").GetProperty("chunk_ids")[0].GetInt64();
        var turnId = body.GetProperty("turn_id").GetInt64();

        var trace = await bot.WithDbAsync(db => db.TurnTraces.SingleAsync(t => t.TurnId == turnId, Ct));
        Assert.Equal("sop", trace.Decision);
        Assert.Contains($"\"chunkId\":{chunk}", trace.Json, StringComparison.Ordinal);
        Assert.Contains("\"stages\"", trace.Json, StringComparison.Ordinal);
        var turns = await bot.WithDbAsync(db => db.Turns.Where(t => t.ConversationId == trace.ConversationId).OrderBy(t => t.Ordinal).ToListAsync(Ct));
        Assert.Equal([TurnRole.User, TurnRole.Bot], turns.Select(t => t.Role));
        Assert.Equal(AnswerSource.Sop, turns[1].Source);
    }

    [Fact]
    public async Task Chat_RedactsPersonalData_BeforeStoringIt()
    {
        using var client = bot.ApiClient(bot.Key);
        var (status, body, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { user_id = "u7", message = "my email is ada@example.com, refund unused coins please" });
        // The status first: a refusal's problem details has no conversation_id, and its text says why.
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        var conversation = body.GetProperty("conversation_id").GetInt64();
        var texts = await bot.WithDbAsync(db => db.Turns.Where(t => t.ConversationId == conversation).Select(t => t.Text).ToListAsync(Ct));
        var traces = await bot.WithDbAsync(db => db.TurnTraces.Where(t => t.ConversationId == conversation).Select(t => t.Json).ToListAsync(Ct));
        Assert.DoesNotContain(texts.Concat(traces), t => t.Contains("ada@example.com", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("<EMAIL>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_HandsOff_InTheUsersLanguage_WithAnEscalation_WhenNothingFits()
    {
        using var client = bot.ApiClient(bot.Key);
        var (status, body, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { user_id = "u2", message = "今天天气怎么样，能推荐一部电影吗", locale = "zh-CN" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("handoff", body.GetProperty("source").GetProperty("type").GetString());
        Assert.True(body.GetProperty("escalated").GetBoolean());
        Assert.Contains("人工客服", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var conversation = body.GetProperty("conversation_id").GetInt64();
        Assert.Equal(1, await bot.WithDbAsync(db => db.Escalations.CountAsync(e => e.ConversationId == conversation, Ct)));
    }

    [Fact]
    public async Task Chat_ContinuesAConversation_AndRefusesAnUnknownOrEndedOne()
    {
        using var client = bot.ApiClient(bot.Key);
        var (firstStatus, first, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { user_id = "u3", message = "refund for unused coins" });
        Assert.True(firstStatus == HttpStatusCode.OK, $"{(int)firstStatus}: {first}");
        var id = first.GetProperty("conversation_id").GetInt64();
        var (status, second, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { conversation_id = id, user_id = "u3", message = "how long does it take?" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, second.GetProperty("conversation_id").GetInt64());
        Assert.Equal(4, await bot.WithDbAsync(db => db.Turns.CountAsync(t => t.ConversationId == id, Ct)));

        var (otherUser, _, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { conversation_id = id, user_id = "someone-else", message = "hello there" });
        Assert.Equal(HttpStatusCode.NotFound, otherUser);

        using var end = await client.PostAsync($"/api/v1/conversations/{id}/end", null, Ct);
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        var ended = await BotApiFixture.ReadAsync(end);
        Assert.Equal("resolved", ended.GetProperty("outcome").GetString());
        using var again = await client.PostAsync($"/api/v1/conversations/{id}/end", null, Ct);
        Assert.Equal(ended.GetProperty("ended_at").GetString(), (await BotApiFixture.ReadAsync(again)).GetProperty("ended_at").GetString());

        var (afterEnd, problem, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { conversation_id = id, user_id = "u3", message = "one more thing" });
        Assert.Equal(HttpStatusCode.Conflict, afterEnd);
        Assert.Contains("ended", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(nameof(BotRefusal.ConversationEnded), problem.GetProperty("code").GetString());
        Assert.Equal($"Conversation {id} has ended; start a new one (leave conversation_id out).", problem.GetProperty("detail").GetString());
        using var unknown = await client.PostAsync("/api/v1/conversations/999999/end", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"message":"hi"}""", "user_id" },
        { """{"user_id":"u","message":""}""", "message" },
        { """{"user_id":"u","message":"hi","locale":"fr"}""", "locale" },
        { """{"user_id":"u","message":"hi","channel":"fax"}""", "channel" },
        { """{"user_id":"u","message":"hi","context":{"bad key":"x"}}""", "context" },
        { """{"user_id":"u","message":"hi","surprise":1}""", "body" },
        { """{"user_id":"u","message":""" , "body" },
        { "[1,2]", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Chat_RefusesBadInput_With400NamingTheField(string json, string field)
    {
        using var client = bot.ApiClient(bot.Key);
        using var response = await client.PostAsync("/api/v1/chat", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await BotApiFixture.ReadAsync(response);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {body}");
    }

    [Fact]
    public async Task Chat_RefusesTooLongMessages_And413sHugeBodies()
    {
        using var client = bot.ApiClient(bot.Key);
        var (status, body, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { user_id = "u", message = new string('a', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("2000", body.GetProperty("errors").GetProperty("message")[0].GetString(), StringComparison.Ordinal);
        var (huge, _, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { user_id = "u", message = new string('a', 40_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge);
    }

    [Fact]
    public async Task Feedback_IsRecorded_AndResolvedConfirmsTheConversation()
    {
        using var client = bot.ApiClient(bot.Key);
        var (chatStatus, chat, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { user_id = "u5", message = "refund for unused coins" });
        Assert.True(chatStatus == HttpStatusCode.OK, $"{(int)chatStatus}: {chat}");
        var turn = chat.GetProperty("turn_id").GetInt64();
        var (status, body, _) = await BotApiFixture.PostAsync(client, "/api/v1/feedback", new { turn_id = turn, helpful = true, resolved = true, comment = "thanks, call me on +44 20 7946 0958" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["helpful", "resolved"], body.GetProperty("recorded").EnumerateArray().Select(e => e.GetString()));
        var conversation = chat.GetProperty("conversation_id").GetInt64();
        var stored = await bot.WithDbAsync(db => db.Feedback.Where(f => f.ConversationId == conversation).ToListAsync(Ct));
        Assert.Equal(2, stored.Count);
        Assert.DoesNotContain(stored, f => f.Comment?.Contains("7946", StringComparison.Ordinal) == true);
        Assert.Equal(ConversationOutcome.Resolved, (await bot.WithDbAsync(db => db.Conversations.SingleAsync(c => c.Id == conversation, Ct))).Outcome);

        var (missing, _, _) = await BotApiFixture.PostAsync(client, "/api/v1/feedback", new { turn_id = 987654321, helpful = false });
        Assert.Equal(HttpStatusCode.NotFound, missing);
        var (noHelpful, problem, _) = await BotApiFixture.PostAsync(client, "/api/v1/feedback", new { turn_id = turn });
        Assert.Equal(HttpStatusCode.BadRequest, noHelpful);
        Assert.True(problem.GetProperty("errors").TryGetProperty("helpful", out _));
    }

    [Fact]
    public async Task EachKey_HasItsOwnBudget_Answered429WithRetryAfter()
    {
        using var tight = bot.ApiClient(bot.TightKey);
        for (var i = 0; i < 2; i++)
        {
            var (ok, _, _) = await BotApiFixture.PostAsync(tight, "/api/v1/chat", new { user_id = "t", message = "refund for unused coins" });
            Assert.Equal(HttpStatusCode.OK, ok);
        }
        var (status, body, response) = await BotApiFixture.PostAsync(tight, "/api/v1/chat", new { user_id = "t", message = "refund for unused coins" });
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.True(int.Parse(response.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(429, body.GetProperty("status").GetInt32());

        // Another key is not affected.
        using var other = bot.ApiClient(bot.Key);
        var (otherStatus, _, _) = await BotApiFixture.PostAsync(other, "/api/v1/chat", new { user_id = "t", message = "refund for unused coins" });
        Assert.Equal(HttpStatusCode.OK, otherStatus);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheBotApiOnly_InSnakeCase_AndTheReferencePageLoads()
    {
        using var client = bot.ApiClient(null);
        using var response = await client.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var paths = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["/api/v1/chat", "/api/v1/conversations/{id}/end", "/api/v1/feedback"], paths);
        Assert.Contains("\"conversation_id\"", text, StringComparison.Ordinal);
        Assert.Contains("\"chunk_ids\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("conversationId", text, StringComparison.Ordinal);

        using var page = await client.GetAsync("/api-reference/", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("PuoAiOps bot API", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
