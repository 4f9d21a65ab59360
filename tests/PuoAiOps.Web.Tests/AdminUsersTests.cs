using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Admin;

namespace PuoAiOps.Web.Tests;

public sealed class AdminUsersTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UsersPage_ListsEveryUserWithRoleAndStatus()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        var page = await admin.GetPageAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var (role, user) in team.Users)
        {
            var row = page.Document.QuerySelector($"tr[data-user='{user.Email}']");
            Assert.True(row is not null, $"no row for {user.Email}");
            Assert.Equal(role, row.QuerySelector("select[name=role] option[selected]")?.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task CreateUser_ThroughTheForm_CanSignIn_AndIsAudited()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        var form = await admin.GetPageAsync("/admin/users/new");
        using var created = await admin.SubmitAsync(form, "form[action='/admin/users/new']", new Dictionary<string, string>
        {
            ["Input.Email"] = "new.curator@example.test",
            ["Input.DisplayName"] = "Nia Curator",
            ["Input.Role"] = Roles.Curator,
            ["Input.Password"] = "a long enough password",
            ["Input.ConfirmPassword"] = "a long enough password",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await admin.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("Nia Curator can now sign in", list.Text, StringComparison.Ordinal);

        using var curator = await team.SignInAsync("new.curator@example.test", "a long enough password");
        using var me = await curator.GetAsync("/api/v1/me", "application/json");
        Assert.Contains("\"Curator\"", await me.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(await team.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == AuditActions.UserCreated && a.ActorId == team.Admin.Id, Ct)));
    }

    [Fact]
    public async Task CreateUser_WithADuplicateEmailOrShortPassword_ShowsErrors()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        var form = await admin.GetPageAsync("/admin/users/new");
        using var duplicate = await admin.SubmitAsync(form, "form[action='/admin/users/new']", new Dictionary<string, string>
        {
            ["Input.Email"] = team.Users[Roles.Viewer].Email!,
            ["Input.DisplayName"] = "Copy",
            ["Input.Role"] = Roles.Viewer,
            ["Input.Password"] = "a long enough password",
            ["Input.ConfirmPassword"] = "a long enough password",
        });
        var page = await admin.ReadPageAsync(duplicate);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=form-errors]"));

        using var shortPassword = await admin.SubmitAsync(form, "form[action='/admin/users/new']", new Dictionary<string, string>
        {
            ["Input.Email"] = "short@example.test",
            ["Input.DisplayName"] = "Short",
            ["Input.Role"] = Roles.Viewer,
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });
        Assert.Contains("at least 10 characters", (await admin.ReadPageAsync(shortPassword)).Text, StringComparison.Ordinal);
        Assert.False(await team.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "short@example.test", Ct)));
    }

    [Fact]
    public async Task ChangeRole_WithHtmx_ReturnsTheUpdatedRow_AndAudits()
    {
        var user = await team.CreateUserAsync(Roles.Viewer);
        using var admin = await team.SignInAsAsync(Roles.Admin);
        await admin.GetPageAsync("/admin/users");
        using var response = await admin.HtmxPostAsync($"/admin/users/{user.Id}/role", new Dictionary<string, string> { ["role"] = Roles.Reviewer });
        var row = await admin.ReadPageAsync(response);
        Assert.Equal(HttpStatusCode.OK, row.Status);
        Assert.Equal(Roles.Reviewer, row.Document.QuerySelector("select[name=role] option[selected]")?.GetAttribute("value"));
        Assert.Contains("Role changed to Reviewer.", row.Text, StringComparison.Ordinal);
        Assert.True(await team.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == AuditActions.UserRoleChanged && a.EntityId == user.Id && a.Detail == "Viewer -> Reviewer", Ct)));
    }

    [Fact]
    public async Task ChangedRole_TakesEffectOnTheUsersNextRequest()
    {
        var user = await team.CreateUserAsync(Roles.Viewer);
        using var client = await team.SignInAsync(user.Email!);
        using var admin = await team.SignInAsAsync(Roles.Admin);
        await admin.GetPageAsync("/admin/users");
        using var changed = await admin.HtmxPostAsync($"/admin/users/{user.Id}/role", new Dictionary<string, string> { ["role"] = Roles.Admin });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        // The old cookie said Viewer: it no longer works; signing in again gives the new role.
        using (var stale = await client.GetAsync("/api/v1/me", "application/json"))
            Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        using var again = await team.SignInAsync(user.Email!);
        using var adminApi = await again.GetAsync("/api/v1/admin/users", "application/json");
        Assert.Equal(HttpStatusCode.OK, adminApi.StatusCode);
    }

    [Fact]
    public async Task DisableAndEnable_WithHtmx_UpdateTheRow()
    {
        var user = await team.CreateUserAsync(Roles.Annotator);
        using var admin = await team.SignInAsAsync(Roles.Admin);
        await admin.GetPageAsync("/admin/users");

        using var disabled = await admin.HtmxPostAsync($"/admin/users/{user.Id}/status", new Dictionary<string, string> { ["disabled"] = "true" });
        var row = await admin.ReadPageAsync(disabled);
        Assert.Equal(HttpStatusCode.OK, row.Status);
        Assert.Equal("Disabled", row.Document.QuerySelector(".status-badge")?.TextContent);
        Assert.True(await team.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.IsDisabled).SingleAsync(Ct)));

        using var enabled = await admin.HtmxPostAsync($"/admin/users/{user.Id}/status", new Dictionary<string, string> { ["disabled"] = "false" });
        Assert.Equal("Active", (await admin.ReadPageAsync(enabled)).Document.QuerySelector(".status-badge")?.TextContent);
        var actions = await team.WithDbAsync(db => db.AuditLog.Where(a => a.EntityId == user.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal([AuditActions.UserDisabled, AuditActions.UserEnabled], actions);
    }

    [Fact]
    public async Task HtmxPost_WithoutAntiforgeryToken_Gets400_AndChangesNothing()
    {
        var user = await team.CreateUserAsync(Roles.Annotator);
        using var admin = await team.SignInAsAsync(Roles.Admin);
        using var response = await admin.HtmxPostAsync($"/admin/users/{user.Id}/status", new Dictionary<string, string> { ["disabled"] = "true" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await team.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.IsDisabled).SingleAsync(Ct)));
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
}

/// <summary>The workspace never loses its last active admin (own fixture: it needs a single admin).</summary>
public sealed class LastAdminTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task TheLastActiveAdmin_CannotBeDisabledOrDemoted()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await team.SignInAsAsync(Roles.Admin);
        await admin.GetPageAsync("/admin/users");
        var id = team.Admin.Id;

        using var disable = await admin.HtmxPostAsync($"/admin/users/{id}/status", new Dictionary<string, string> { ["disabled"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, disable.StatusCode);
        Assert.Contains(UserAdminService.LastAdminError, (await admin.ReadPageAsync(disable)).Text, StringComparison.Ordinal);

        using var demote = await admin.HtmxPostAsync($"/admin/users/{id}/role", new Dictionary<string, string> { ["role"] = Roles.Viewer });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demote.StatusCode);

        var state = await team.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => new { u.IsDisabled }).SingleAsync(ct));
        Assert.False(state.IsDisabled);
        using var stillAdmin = await admin.GetAsync("/api/v1/admin/users", "application/json");
        Assert.Equal(HttpStatusCode.OK, stillAdmin.StatusCode);

        // With a second active admin, the first may step down.
        var second = await team.CreateUserAsync(Roles.Admin);
        using var allowed = await admin.HtmxPostAsync($"/admin/users/{id}/role", new Dictionary<string, string> { ["role"] = Roles.Viewer });
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        // ... and the second, now the last one, cannot be disabled.
        var refused = await team.WithServiceAsync<UserAdminService, UserCommandResult>(s => s.SetDisabledAsync(PuoAiOps.Application.Common.Actor.User(second.Id, "x"), second.Id, true, ct));
        Assert.Equal([UserAdminService.LastAdminError], refused.Errors);
    }
}
