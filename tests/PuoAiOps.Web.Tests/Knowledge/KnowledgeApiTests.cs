using System.Net.Http.Json;
using System.Text.Json;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Tests.Knowledge;

/// <summary>/api/v1/knowledge: curators only; upload with the ingestion's refusals; an edit on a stale version is 409; search with scores.</summary>
public sealed class KnowledgeApiTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void KnowledgeApi_DeclaresTheCuratePolicyOnEveryEndpoint()
    {
        var endpoints = EndpointCatalog.All(team.Services).Where(e => e.Route.StartsWith("/api/v1/knowledge", StringComparison.Ordinal)).ToList();
        Assert.True(endpoints.Count >= 12, $"{endpoints.Count} endpoints");
        Assert.All(endpoints, e => Assert.Equal([Policies.Curate], e.Policies));
    }

    [Theory]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Annotator)]
    public async Task OtherRoles_Get403(string role)
    {
        using var client = await team.SignInAsAsync(role);
        using var response = await client.GetAsync("/api/v1/knowledge/documents", "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Upload_Edit_Search_AndTheRefusals()
    {
        using var client = await team.SignInAsAsync(Roles.Curator);
        await client.LoadRequestTokenAsync();
        var slug = "api-" + Guid.NewGuid().ToString("N")[..8];

        using var created = await SendAsync(client, HttpMethod.Post, "/api/v1/knowledge/documents",
            new { fileName = slug + ".md", content = "# Zebra refunds\n\nStriped refunds take 3 days.\n" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        using var unsupported = await SendAsync(client, HttpMethod.Post, "/api/v1/knowledge/documents", new { fileName = "x.pdf", content = "%PDF" });
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
        Assert.Contains("unsupported type '.pdf'", await unsupported.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var corrupt = await SendAsync(client, HttpMethod.Post, "/api/v1/knowledge/documents", new { fileName = "bad.md", contentBase64 = Convert.ToBase64String([0xff, 0xfe, 0x00, 0x41]) });
        Assert.Equal(HttpStatusCode.BadRequest, corrupt.StatusCode);

        var list = await JsonAsync(await client.GetAsync($"/api/v1/knowledge/documents?q={slug}", "application/json"));
        var document = list.GetProperty("rows")[0];
        var id = document.GetProperty("id").GetInt64();
        var details = await JsonAsync(await client.GetAsync($"/api/v1/knowledge/documents/{id}", "application/json"));
        var version = details.GetProperty("version").GetGuid();

        using var edited = await SendAsync(client, HttpMethod.Put, $"/api/v1/knowledge/documents/{id}", new { version, source = "# Zebra refunds\n\nStriped refunds take 2 days.\n" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        using var stale = await SendAsync(client, HttpMethod.Put, $"/api/v1/knowledge/documents/{id}", new { version, source = "# Zebra refunds\n\nLost.\n" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var found = await JsonAsync(await client.GetAsync("/api/v1/knowledge/search?q=striped+zebra&mode=Keyword", "application/json"));
        var hit = found.GetProperty("hits")[0];
        Assert.Contains("2 days", hit.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(hit.GetProperty("keywordScore").GetSingle() > 0);
        var versions = await JsonAsync(await client.GetAsync($"/api/v1/knowledge/documents/{id}/versions", "application/json"));
        Assert.Equal(2, versions.GetArrayLength());
    }

    [Fact]
    public async Task Upload_WithoutTheToken_Is400_AndAFormBody_Is415()
    {
        using var client = await team.SignInAsAsync(Roles.Curator);
        using var noToken = await client.Http.PostAsJsonAsync("/api/v1/knowledge/documents", new { fileName = "a.md", content = "# A\n\nText.\n" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        await client.LoadRequestTokenAsync();
        using var form = await client.PostWithTokenAsync("/api/v1/knowledge/documents", new Dictionary<string, string> { ["fileName"] = "a.md" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(ConsoleClient client, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("X-CSRF-TOKEN", client.RequestToken);
        return await client.Http.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        }
    }
}
