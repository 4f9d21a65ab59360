using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Web.Tests.Scripts;

/// <summary>The reply-script pages over HTTP: interactive, prerendered with their data, by role, in both languages.</summary>
public sealed class ScriptsPageTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Roles.Curator)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Admin)]
    public async Task Library_OpensForTheContentRoles_AsAnInteractivePage(string role)
    {
        using var client = await team.SignInAsAsync(role);
        var page = await client.GetPageAsync("/scripts");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Reply scripts", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("script[src^='/_framework/blazor.web.js']"));
        Assert.Null(page.Document.QuerySelector("[data-testid=coming-soon]"));
        // The grid asks for its rows once the circuit runs (ScriptsBrowserTests); here its filters are in place.
        Assert.NotNull(page.Document.QuerySelector("[data-testid=script-grid]"));
        Assert.NotNull(page.Document.QuerySelector("#script-search"));
        // Only editors get the "New script" button.
        Assert.Equal(role != Roles.Reviewer, page.Document.QuerySelector("[data-testid=new-script]") is not null);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Annotator)]
    public async Task ScriptPages_AreForbidden_OutsideTheContentArea(string role)
    {
        var id = await SeedScriptAsync();
        using var client = await team.SignInAsAsync(role);
        foreach (var path in new[] { "/scripts", $"/scripts/{id}", "/scripts/new" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(path)).Status);
    }

    [Fact]
    public async Task NewScript_IsForEditorsOnly()
    {
        using var reviewer = await team.SignInAsAsync(Roles.Reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetPageAsync("/scripts/new")).Status);
        using var curator = await team.SignInAsAsync(Roles.Curator);
        var page = await curator.GetPageAsync("/scripts/new");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#script-body"));
    }

    [Theory]
    [InlineData("/scripts/coverage", Roles.Reviewer, HttpStatusCode.OK)]
    [InlineData("/scripts/coverage", Roles.Curator, HttpStatusCode.OK)]
    [InlineData("/scripts/standardize", Roles.Curator, HttpStatusCode.OK)]
    [InlineData("/scripts/standardize", Roles.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData("/scripts/rules", Roles.Admin, HttpStatusCode.OK)]
    [InlineData("/scripts/rules", Roles.Curator, HttpStatusCode.Forbidden)]
    [InlineData("/scripts/rules", Roles.Reviewer, HttpStatusCode.Forbidden)]
    public async Task InsightPages_OpenOnlyForTheirRoles(string path, string role, HttpStatusCode expected)
    {
        using var client = await team.SignInAsAsync(role);
        var page = await client.GetPageAsync(path);
        Assert.Equal(expected, page.Status);
        if (expected == HttpStatusCode.OK) Assert.NotNull(page.Document.QuerySelector("[data-testid=scripts-tabs]"));
    }

    [Fact]
    public async Task ScriptPage_InChinese_ShowsTheScriptAsWritten_WithItsLintInPlace()
    {
        var id = await SeedScriptAsync("We guarantee a refund within 3 days.");
        using var client = await team.SignInAsAsync(Roles.Reviewer);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await client.GetPageAsync($"/scripts/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", page.Document.QuerySelector("h1 span")?.GetAttribute("lang")); // user content keeps its language
        Assert.Contains("草稿", page.Text, StringComparison.Ordinal);
        var mark = page.Document.QuerySelector("[data-testid=linted-body] mark[data-rule~=banned-phrase]");
        Assert.Equal("guarantee", mark?.TextContent);
        Assert.Contains("禁用词", page.Document.QuerySelector("[data-testid=findings]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptPage_ForAnUnknownId_SaysSo()
    {
        using var client = await team.SignInAsAsync(Roles.Curator);
        var page = await client.GetPageAsync("/scripts/987654");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("This reply script does not exist.", page.Document.QuerySelector("h1")?.TextContent.Trim());
    }

    private async Task<long> SeedScriptAsync(string body = "Hi {{user_name}}, your refund reaches you within 3 days.")
    {
        var key = "refund_" + Guid.NewGuid().ToString("N")[..8];
        await team.WithDbAsync(async db =>
        {
            var domain = new IntentDomain { Key = "d_" + key, Names = new() { ["en"] = "Payments" } };
            domain.Intents.Add(new Intent { Key = key, Names = new() { ["en"] = "Refund" } });
            db.Domains.Add(domain);
            return await db.SaveChangesAsync(Ct);
        });
        var curator = team.Users[Roles.Curator];
        var result = await team.WithServiceAsync<ScriptEditor, SaveResult>(e => e.CreateAsync(
            new NewScriptInput(key, "en", ScriptChannels.Im, "Refund " + key, new DraftInput(body, body.Contains("{{", StringComparison.Ordinal) ? [new ScriptVariable("user_name")] : [])),
            Actor.User(curator.Id, curator.DisplayName, Roles.Curator), Ct));
        return result.ScriptId;
    }
}
