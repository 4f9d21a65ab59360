using System.Net.Http.Json;
using System.Text.Json;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Tests.Escalations;

/// <summary>/api/v1/escalations: viewers read, curators and reviewers act, a stale version is a 409 with its code.</summary>
public sealed class EscalationsApiTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Endpoints_DeclareReadAndHandlePolicies()
    {
        var endpoints = EndpointCatalog.All(team.Services).Where(e => e.Route.StartsWith("/api/v1/escalations", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, endpoints.Count(e => e.AcceptsGet));
        Assert.All(endpoints.Where(e => e.AcceptsGet), e => Assert.Equal([Policies.InsightsArea], e.Policies));
        var writes = endpoints.Where(e => e.AcceptsWrite).ToList();
        Assert.Equal(["assign", "close", "release", "reopen", "take"], writes.Select(e => e.Route.Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.All(writes, e => Assert.Equal([Policies.HandleEscalations], e.Policies));
    }

    [Fact]
    public async Task Viewer_ReadsTheQueue_ButMayNotTakeACase()
    {
        var id = await AddAsync("viewer case");
        using var viewer = await team.SignInAsAsync(Roles.Viewer);
        await viewer.LoadRequestTokenAsync();

        var list = await JsonAsync(await viewer.GetAsync("/api/v1/escalations?status=open&pageSize=200", "application/json"));
        using var take = await PostAsync(viewer, $"/api/v1/escalations/{id}/take", new { version = 0 });

        Assert.Contains(list.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        Assert.Equal(HttpStatusCode.Forbidden, take.StatusCode);
    }

    [Fact]
    public async Task Take_ThenATakeWithTheOldVersion_Is409_ThenClose()
    {
        var id = await AddAsync("race case");
        using var curator = await team.SignInAsAsync(Roles.Curator);
        using var reviewer = await team.SignInAsAsync(Roles.Reviewer);
        await curator.LoadRequestTokenAsync();
        await reviewer.LoadRequestTokenAsync();

        var taken = await JsonAsync(await PostAsync(curator, $"/api/v1/escalations/{id}/take", new { version = 0 }));
        using var late = await PostAsync(reviewer, $"/api/v1/escalations/{id}/take", new { version = 0 });
        var lateBody = JsonDocument.Parse(await late.Content.ReadAsStringAsync(Ct)).RootElement;
        var closed = await JsonAsync(await PostAsync(curator, $"/api/v1/escalations/{id}/close", new { outcome = "resolved", note = "called back", version = taken.GetProperty("version").GetInt32() }));
        var detail = await JsonAsync(await curator.GetAsync($"/api/v1/escalations/{id}", "application/json"));

        Assert.Equal("assigned", taken.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("TakenByOther", lateBody.GetProperty("code").GetString());
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(("resolved", "called back"), (detail.GetProperty("row").GetProperty("outcome").GetString(), detail.GetProperty("resolutionNote").GetString()));
    }

    [Fact]
    public async Task BadInput_Is400_AndAnUnknownCase404_WithTheirCodes()
    {
        var id = await AddAsync("bad input case");
        using var curator = await team.SignInAsAsync(Roles.Curator);
        await curator.LoadRequestTokenAsync();

        using var status = await curator.GetAsync("/api/v1/escalations?status=pending", "application/json");
        using var note = await PostAsync(curator, $"/api/v1/escalations/{id}/close", new { outcome = "resolved", note = "  " });
        using var missing = await PostAsync(curator, $"/api/v1/escalations/{id + 10_000}/take", new { });

        Assert.Equal((HttpStatusCode.BadRequest, "UnknownValue"), (status.StatusCode, await CodeAsync(status)));
        Assert.Equal((HttpStatusCode.BadRequest, "NoteRequired"), (note.StatusCode, await CodeAsync(note)));
        Assert.Equal((HttpStatusCode.NotFound, "NotFound"), (missing.StatusCode, await CodeAsync(missing)));
    }

    private Task<long> AddAsync(string reason) => team.WithDbAsync(async db =>
    {
        var c = new Conversation { UserRef = "api-" + Guid.NewGuid().ToString("N")[..8], Outcome = ConversationOutcome.Escalated };
        c.Turns.Add(new Turn { Ordinal = 1, Role = TurnRole.User, Text = "a person please" });
        db.Conversations.Add(c);
        await db.SaveChangesAsync(Ct);
        var e = new Escalation { ConversationId = c.Id, Reason = reason };
        db.Escalations.Add(e);
        await db.SaveChangesAsync(Ct);
        return e.Id;
    });

    private static async Task<HttpResponseMessage> PostAsync(ConsoleClient client, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("X-CSRF-TOKEN", client.RequestToken);
        return await client.Http.SendAsync(request, Ct);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
