using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Hosting;

/// <summary>Workspace data sent to the API or downloaded is never kept by caches (Cache-Control: no-store).</summary>
public sealed class NoStoreTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task EveryApiGetEndpoint_AnswersWithNoStore_WhateverItsStatus()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        var endpoints = EndpointCatalog.All(team.Services)
            .Where(e => e.Route.StartsWith("/api/", StringComparison.Ordinal) && e.AcceptsGet).Select(e => e.SampleUrl).Distinct().ToList();
        Assert.Contains("/api/v1/me", endpoints);
        foreach (var url in endpoints.Append("/api/v1/no-such-endpoint"))
        {
            using var response = await admin.GetAsync(url, "application/json");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} ({(int)response.StatusCode}): Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Theory]
    [InlineData("/taxonomy/export.yaml")]
    public async Task Downloads_AnswerWithNoStore(string url)
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        using var response = await admin.GetAsync(url, "*/*");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Content.Headers.ContentDisposition);
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Anonymous401FromTheApi_AlsoCarriesNoStore()
    {
        using var anonymous = team.CreateClient();
        using var response = await anonymous.GetAsync("/api/v1/me", "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore == true);
    }
}
