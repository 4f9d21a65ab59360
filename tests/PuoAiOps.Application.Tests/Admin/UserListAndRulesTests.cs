using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Tests.Admin;

/// <summary>The users table's query, the new-user form's field rules and the codes the console words refusals by.</summary>
public sealed class UserListAndRulesTests
{
    private static readonly Actor Admin = Actor.System("admin");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PageAsync_ListsEveryUserWithTheirRole_AndFiltersSortsAndPages()
    {
        await using var bed = await UserAdminTestBed.CreateAsync();
        foreach (var (email, role) in new[] { ("cara@example.test", Roles.Curator), ("ann@example.test", Roles.Annotator), ("vic@example.test", Roles.Viewer), ("rey@example.test", Roles.Reviewer), ("ada@example.test", Roles.Admin) })
            await bed.CreateAsync(Admin, email, role);
        var vic = (await bed.RunAsync(s => s.ListAsync(Ct))).Single(u => u.Email == "vic@example.test");
        await bed.RunAsync(s => s.SetDisabledAsync(Admin, vic.Id, true, Ct));

        var all = await bed.RunAsync(s => s.PageAsync(new UserListQuery(), Ct));
        Assert.Equal(5, all.Total);
        Assert.Equal(["ada", "ann", "cara", "rey", "vic"], all.Rows.Select(u => u.DisplayName)); // active first, then by name
        Assert.Equal([Roles.Admin, Roles.Annotator, Roles.Curator, Roles.Reviewer, Roles.Viewer], all.Rows.Select(u => u.Role));
        Assert.True(all.Rows[^1].IsDisabled);

        var byEmailDesc = await bed.RunAsync(s => s.PageAsync(new UserListQuery(Sort: UserSort.Email, Descending: true, Page: 2, PageSize: 2), Ct));
        Assert.Equal(5, byEmailDesc.Total);
        Assert.Equal(["cara@example.test", "ann@example.test"], byEmailDesc.Rows.Select(u => u.Email));

        var search = await bed.RunAsync(s => s.PageAsync(new UserListQuery(Search: "  CA "), Ct));
        Assert.Equal("cara", Assert.Single(search.Rows).DisplayName);
        var reviewers = await bed.RunAsync(s => s.PageAsync(new UserListQuery(Role: "reviewer"), Ct));
        Assert.Equal("rey", Assert.Single(reviewers.Rows).DisplayName);
        var disabled = await bed.RunAsync(s => s.PageAsync(new UserListQuery(Disabled: true), Ct));
        Assert.Equal("vic", Assert.Single(disabled.Rows).DisplayName);
    }

    [Fact]
    public async Task Create_WithADuplicateEmailOrShortPassword_IsRefusedWithCodes_AndCreatesNobody()
    {
        await using var bed = await UserAdminTestBed.CreateAsync();
        await bed.CreateAsync(Admin, "vic@example.test", Roles.Viewer);

        var duplicate = await bed.RunAsync(s => s.CreateAsync(Admin, Input("vic@example.test", "a long enough password"), Ct));
        Assert.False(duplicate.Succeeded);
        Assert.Contains("DuplicateEmail", duplicate.Codes);
        Assert.Equal(nameof(NewUserInput.Email), NewUserRules.FieldOf("DuplicateEmail"));

        var shortPassword = await bed.RunAsync(s => s.CreateAsync(Admin, Input("short@example.test", "short"), Ct));
        Assert.False(shortPassword.Succeeded);
        Assert.Contains(UserErrors.PasswordTooShort, shortPassword.Codes);
        Assert.Equal(nameof(NewUserInput.Password), NewUserRules.FieldOf(UserErrors.PasswordTooShort));
        Assert.DoesNotContain(await bed.RunAsync(s => s.ListAsync(Ct)), u => u.Email == "short@example.test");

        var noRole = await bed.RunAsync(s => s.CreateAsync(Admin, Input("x@example.test", "a long enough password", role: ""), Ct));
        Assert.Equal([UserErrors.RoleRequired], noRole.Codes);
    }

    [Fact]
    public async Task ChangeRoleAndDisable_AreAudited_AndTheLastAdminIsRefusedWithItsCode()
    {
        await using var bed = await UserAdminTestBed.CreateAsync();
        var ada = await bed.CreateAsync(Admin, "ada@example.test", Roles.Admin);
        var vic = await bed.CreateAsync(Admin, "vic@example.test", Roles.Viewer);

        Assert.True((await bed.RunAsync(s => s.ChangeRoleAsync(Admin, vic, Roles.Reviewer, Ct))).Succeeded);
        Assert.True((await bed.RunAsync(s => s.SetDisabledAsync(Admin, vic, true, Ct))).Succeeded);
        Assert.True((await bed.RunAsync(s => s.SetDisabledAsync(Admin, vic, false, Ct))).Succeeded);
        var trail = (await bed.AuditAsync()).Where(e => e.EntityId == vic).Select(e => (e.Action, e.Detail)).ToList();
        Assert.Equal([(AuditActions.UserCreated, "role Viewer"), (AuditActions.UserRoleChanged, "Viewer -> Reviewer"), (AuditActions.UserDisabled, null), (AuditActions.UserEnabled, null)], trail);

        var demote = await bed.RunAsync(s => s.ChangeRoleAsync(Admin, ada, Roles.Viewer, Ct));
        var disable = await bed.RunAsync(s => s.SetDisabledAsync(Admin, ada, true, Ct));
        Assert.Equal([UserErrors.LastAdmin], demote.Codes);
        Assert.Equal([UserErrors.LastAdmin], disable.Codes);
        Assert.Equal([UserAdminService.LastAdminError], disable.Errors);
        var unknown = await bed.RunAsync(s => s.SetDisabledAsync(Admin, "no-such-id", true, Ct));
        Assert.Equal([UserErrors.NoSuchUser], unknown.Codes);
    }

    [Theory]
    [InlineData("", "Ada", "Admin", "a long enough password", "a long enough password", "Email", UserErrors.EmailRequired)]
    [InlineData("not-an-email", "Ada", "Admin", "a long enough password", "a long enough password", "Email", UserErrors.EmailInvalid)]
    [InlineData("ada@example.test", "A", "Admin", "a long enough password", "a long enough password", "DisplayName", UserErrors.DisplayNameLength)]
    [InlineData("ada@example.test", "Ada", "", "a long enough password", "a long enough password", "Role", UserErrors.RoleRequired)]
    [InlineData("ada@example.test", "Ada", "Boss", "a long enough password", "a long enough password", "Role", UserErrors.UnknownRole)]
    [InlineData("ada@example.test", "Ada", "admin", "short", "short", "Password", UserErrors.PasswordTooShort)]
    [InlineData("ada@example.test", "Ada", "admin", "a long enough password", "a long enough passwore", "ConfirmPassword", UserErrors.PasswordsDiffer)]
    public void NewUserRules_NameTheFailingField(string email, string name, string role, string password, string confirm, string field, string code)
    {
        var errors = NewUserRules.Check(new NewUserInput { Email = email, DisplayName = name, Role = role, Password = password, ConfirmPassword = confirm });
        Assert.Equal(new Dictionary<string, string> { [field] = code }, errors);
        Assert.Equal(field, NewUserRules.FieldOf(code));
    }

    [Fact]
    public void NewUserRules_AcceptAValidForm() =>
        Assert.Empty(NewUserRules.Check(Input("ada@example.test", "a long enough password")));

    private static NewUserInput Input(string email, string password, string role = Roles.Viewer) =>
        new() { Email = email, DisplayName = email.Split('@')[0], Password = password, ConfirmPassword = password, Role = role };
}
