using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests;

/// <summary>
/// The admin pages on the interactive shell, and what the console's user administration changes for a
/// signed-in person. The form and the table are driven in a browser (AdminBrowserTests); the rules are
/// Application tests (UserListAndRulesTests).
/// </summary>
public sealed class AdminUsersTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/api-keys")]
    [InlineData("/admin/settings")]
    public async Task AdminPages_OpenForAnAdmin_AsInteractivePagesInTheShell(string path)
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        var page = await admin.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.HasShell, $"{path}: no shell");
        Assert.Equal("Admin", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("script[src^='/_framework/blazor.web.js']"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=admin-tabs] a[aria-current=page]"));
    }

    [Fact]
    public async Task AdminPages_ForAcceptLanguageZhCN_RenderInChinese()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await admin.GetPageAsync("/admin/settings");
        Assert.Equal("系统管理", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("个人数据脱敏", page.Text, StringComparison.Ordinal);
        Assert.Contains("时区", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatedUser_CanSignIn_WithTheRoleGiven_AndTheCreationIsAudited()
    {
        var actor = Actor.User(team.Admin.Id, team.Admin.DisplayName, Roles.Admin);
        var created = await team.WithServiceAsync<UserAdminService, UserCommandResult>(s => s.CreateAsync(actor, new NewUserInput
        {
            Email = "new.curator@example.test", DisplayName = "Nia Curator", Role = Roles.Curator,
            Password = "a long enough password", ConfirmPassword = "a long enough password",
        }, Ct));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));

        using var curator = await team.SignInAsync("new.curator@example.test", "a long enough password");
        using var me = await curator.GetAsync("/api/v1/me", "application/json");
        Assert.Contains("\"Curator\"", await me.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(await team.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == AuditActions.UserCreated && a.ActorId == team.Admin.Id, Ct)));
    }

    [Fact]
    public async Task ChangedRole_TakesEffectOnTheUsersNextRequest()
    {
        var user = await team.CreateUserAsync(Roles.Viewer);
        using var client = await team.SignInAsync(user.Email!);
        var actor = Actor.User(team.Admin.Id, team.Admin.DisplayName, Roles.Admin);
        var changed = await team.WithServiceAsync<UserAdminService, UserCommandResult>(s => s.ChangeRoleAsync(actor, user.Id, Roles.Admin, Ct));
        Assert.True(changed.Succeeded);

        // The old cookie said Viewer: it no longer works; signing in again gives the new role.
        using (var stale = await client.GetAsync("/api/v1/me", "application/json"))
            Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        using var again = await team.SignInAsync(user.Email!);
        using var adminApi = await again.GetAsync("/api/v1/admin/users", "application/json");
        Assert.Equal(HttpStatusCode.OK, adminApi.StatusCode);
    }

    [Fact]
    public async Task DisabledUser_IsSignedOut()
    {
        var user = await team.CreateUserAsync(Roles.Annotator);
        using var client = await team.SignInAsync(user.Email!);
        var actor = Actor.User(team.Admin.Id, team.Admin.DisplayName, Roles.Admin);
        Assert.True((await team.WithServiceAsync<UserAdminService, UserCommandResult>(s => s.SetDisabledAsync(actor, user.Id, true, Ct))).Succeeded);
        using var stale = await client.GetAsync("/api/v1/me", "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    [Fact]
    public async Task PagePost_WithoutAntiforgeryToken_Gets400_AndCreatesNobody()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        using var response = await admin.PostFormAsync("/admin/users/new", new Dictionary<string, string>
        {
            ["_handler"] = "new-user",
            ["Input.Email"] = "forged@example.test",
            ["Input.DisplayName"] = "Forged",
            ["Input.Role"] = Roles.Admin,
            ["Input.Password"] = "a long enough password",
            ["Input.ConfirmPassword"] = "a long enough password",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await team.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "forged@example.test", Ct)));
    }

    [Fact]
    public async Task AdminApi_ListsUsersWithoutSecrets()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        using var response = await admin.GetAsync("/api/v1/admin/users", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(team.Users[Roles.Curator].Email!, json, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheOldFormUserEndpoints_AreGone_TheTableCallsTheServiceOverTheCircuit() =>
        Assert.DoesNotContain(EndpointCatalog.All(team.Services), e => !e.IsComponentPage && e.Route.StartsWith("/admin", StringComparison.Ordinal));
}

/// <summary>The workspace never loses its last active admin (own fixture: it needs a single admin).</summary>
public sealed class LastAdminTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task TheLastActiveAdmin_CannotBeDisabledOrDemoted()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = team.Admin.Id;
        var actor = Actor.User(id, team.Admin.DisplayName, Roles.Admin);
        using var admin = await team.SignInAsAsync(Roles.Admin);

        var disable = await team.WithServiceAsync<UserAdminService, UserCommandResult>(s => s.SetDisabledAsync(actor, id, true, ct));
        Assert.Equal([UserErrors.LastAdmin], disable.Codes);
        var demote = await team.WithServiceAsync<UserAdminService, UserCommandResult>(s => s.ChangeRoleAsync(actor, id, Roles.Viewer, ct));
        Assert.Equal([UserErrors.LastAdmin], demote.Codes);

        Assert.False(await team.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync(ct)));
        using var stillAdmin = await admin.GetAsync("/api/v1/admin/users", "application/json");
        Assert.Equal(HttpStatusCode.OK, stillAdmin.StatusCode);

        // With a second active admin, the first may step down.
        var second = await team.CreateUserAsync(Roles.Admin);
        var allowed = await team.WithServiceAsync<UserAdminService, UserCommandResult>(s => s.ChangeRoleAsync(actor, id, Roles.Viewer, ct));
        Assert.True(allowed.Succeeded);
        // ... and the second, now the last one, cannot be disabled.
        var refused = await team.WithServiceAsync<UserAdminService, UserCommandResult>(s => s.SetDisabledAsync(Actor.User(second.Id, "x"), second.Id, true, ct));
        Assert.Equal([UserAdminService.LastAdminError], refused.Errors);
    }
}
