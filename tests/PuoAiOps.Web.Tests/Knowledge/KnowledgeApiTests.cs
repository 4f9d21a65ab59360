using System.Net.Http.Json;
using System.Text.Json;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Tests.Knowledge;

/// <summary>/api/v1/knowledge: readers read, curators change; upload with the ingestion's refusals; an edit on a stale version is 409; archive, restore, delete; search with scores.</summary>
public sealed class KnowledgeApiTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void KnowledgeApi_ReadsNeedTheKnowledgeArea_AndEveryChangeCurate()
    {
        var endpoints = EndpointCatalog.All(team.Services).Where(e => e.Route.StartsWith("/api/v1/knowledge", StringComparison.Ordinal)).ToList();
        Assert.True(endpoints.Count >= 15, $"{endpoints.Count} endpoints");
        // Written out: the reads reviewers and viewers share with curators. The glossary stays with curators, as its page.
        string[] reads =
        [
            "/api/v1/knowledge/documents", "/api/v1/knowledge/documents/{id:long}", "/api/v1/knowledge/documents/{id:long}/chunks",
            "/api/v1/knowledge/documents/{id:long}/versions", "/api/v1/knowledge/documents/{id:long}/diff", "/api/v1/knowledge/search",
            "/api/v1/knowledge/suites", "/api/v1/knowledge/suites/{id:long}",
        ];
        Assert.All(endpoints, e => Assert.Equal(!e.AcceptsWrite && reads.Contains(e.Route) ? [Policies.KnowledgeArea] : [Policies.Curate], e.Policies));
        Assert.Equal(reads.Length, endpoints.Count(e => e.Policies.Contains(Policies.KnowledgeArea)));
    }

    [Fact]
    public async Task Annotators_Get403()
    {
        using var client = await team.SignInAsAsync(Roles.Annotator);
        using var response = await client.GetAsync("/api/v1/knowledge/documents", "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Viewer)]
    public async Task Readers_ReadAndSearch_ButCannotChangeAnything(string role)
    {
        using var client = await team.SignInAsAsync(role);
        var list = await JsonAsync(await client.GetAsync("/api/v1/knowledge/documents", "application/json"));
        Assert.True(list.GetProperty("total").GetInt32() >= 0);
        await JsonAsync(await client.GetAsync("/api/v1/knowledge/search?q=refund&mode=Keyword", "application/json"));
        await JsonAsync(await client.GetAsync("/api/v1/knowledge/suites", "application/json"));
        await client.LoadRequestTokenAsync();
        using var upload = await SendAsync(client, HttpMethod.Post, "/api/v1/knowledge/documents", new { fileName = "r.md", content = "# R\n\nText.\n" });
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        using var archive = await SendAsync(client, HttpMethod.Post, "/api/v1/knowledge/documents/1/archive", new { });
        Assert.Equal(HttpStatusCode.Forbidden, archive.StatusCode);
        using var delete = await SendAsync(client, HttpMethod.Delete, "/api/v1/knowledge/documents/1", new { });
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        using var glossary = await client.GetAsync("/api/v1/knowledge/glossary", "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, glossary.StatusCode);
    }

    [Fact]
    public async Task Archive_HidesFromSearchAndList_Restore_BringsBack_Delete_RemovesAll()
    {
        using var client = await team.SignInAsAsync(Roles.Curator);
        await client.LoadRequestTokenAsync();
        var slug = "life-" + Guid.NewGuid().ToString("N")[..8];
        using (var created = await SendAsync(client, HttpMethod.Post, "/api/v1/knowledge/documents",
            new { fileName = slug + ".md", content = "# Quokka shipping\n\nQuokka parcels ship on Tuesdays.\n" }))
            Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync(Ct));
        var id = (await JsonAsync(await client.GetAsync($"/api/v1/knowledge/documents?q={slug}", "application/json"))).GetProperty("rows")[0].GetProperty("id").GetInt64();
        async Task<int> HitsAsync() => (await JsonAsync(await client.GetAsync("/api/v1/knowledge/search?q=quokka+parcels&mode=Keyword", "application/json")))
            .GetProperty("hits").EnumerateArray().Count(h => h.GetProperty("slug").GetString() == slug);
        Assert.Equal(1, await HitsAsync());

        var archived = await JsonAsync(await SendAsync(client, HttpMethod.Post, $"/api/v1/knowledge/documents/{id}/archive", new { }));
        Assert.Equal("Archived", archived.GetProperty("change").GetString());
        Assert.Equal(0, await HitsAsync());
        Assert.Equal(0, (await JsonAsync(await client.GetAsync($"/api/v1/knowledge/documents?q={slug}", "application/json"))).GetProperty("total").GetInt32());
        Assert.Equal(1, (await JsonAsync(await client.GetAsync($"/api/v1/knowledge/documents?q={slug}&archived=true", "application/json"))).GetProperty("total").GetInt32());
        using (var again = await SendAsync(client, HttpMethod.Post, $"/api/v1/knowledge/documents/{id}/archive", new { }))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        await JsonAsync(await SendAsync(client, HttpMethod.Post, $"/api/v1/knowledge/documents/{id}/restore", new { }));
        Assert.Equal(1, await HitsAsync());

        var deleted = await JsonAsync(await SendAsync(client, HttpMethod.Delete, $"/api/v1/knowledge/documents/{id}", new { }));
        Assert.Equal("Deleted", deleted.GetProperty("change").GetString());
        Assert.Equal(0, await HitsAsync());
        using (var gone = await client.GetAsync($"/api/v1/knowledge/documents/{id}", "application/json"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(0, await team.WithDbAsync(db => Task.FromResult(db.Chunks.Count(c => c.DocumentId == id) + db.DocumentVersions.Count(v => v.DocumentId == id))));
    }

    /// <summary>The console registers the sentence encoder (builder.AddEncoders): its search is the CLI's hybrid one, with cosine scores.</summary>
    [Fact]
    public async Task Search_InTheConsole_IsHybrid_WithDenseScores()
    {
        using var client = await team.SignInAsAsync(Roles.Curator);
        await client.LoadRequestTokenAsync();
        var slug = "dense-" + Guid.NewGuid().ToString("N")[..8];
        using (var created = await SendAsync(client, HttpMethod.Post, "/api/v1/knowledge/documents",
            new { fileName = slug + ".md", content = "# Resetting a password\n\nOpen Settings, choose Security and press Reset password; a link arrives by email.\n" }))
            Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync(Ct));
        // No word of the question is in the document: only the dense retriever can find it.
        var found = await JsonAsync(await client.GetAsync("/api/v1/knowledge/search?q=I+forgot+my+login+credentials&locale=en", "application/json"));
        Assert.Equal("Hybrid", found.GetProperty("mode").GetString());
        var hit = found.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("slug").GetString() == slug);
        Assert.True(hit.GetProperty("denseScore").GetSingle() > 0.2f, hit.ToString());
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("keywordScore").ValueKind);
    }

    [Fact]
    public async Task Upload_Edit_Search_AndTheRefusals()
    {
        using var client = await team.SignInAsAsync(Roles.Curator);
        await client.LoadRequestTokenAsync();
        var slug = "api-" + Guid.NewGuid().ToString("N")[..8];

        using var created = await SendAsync(client, HttpMethod.Post, "/api/v1/knowledge/documents",
            new { fileName = slug + ".md", content = "# Zebra refunds\n\nStriped refunds take 3 days.\n" });
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync(Ct));

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
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
