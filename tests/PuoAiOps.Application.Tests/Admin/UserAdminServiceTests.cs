using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Admin;

/// <summary>The one user-administration path: its admin rule and its audit vocabulary, whichever host calls it.</summary>
public sealed class UserAdminServiceTests
{
    private static readonly Actor Cli = Actor.System("command line");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UsersAdd_WritesTheSameAuditEntryAsTheConsole()
    {
        await using var bed = await UserAdminTestBed.CreateAsync();

        var run = await CliRunner.RunWithInputAsync(UserAdminTestBed.Password + "\n",
            "users", "add", "--email", "rey@example.test", "--role", "reviewer", "--data-dir", bed.Workspace.DataDir);

        Assert.True(run.ExitCode == 0, run.Error);
        var entry = Assert.Single(await bed.AuditAsync());
        Assert.Equal(AuditActions.UserCreated, entry.Action);
        Assert.Equal(AuditActions.UserEntity, entry.EntityType);
        Assert.Equal("role Reviewer", entry.Detail);
        Assert.Equal("command line", entry.ActorName);
        Assert.Null(entry.ActorId);
        var user = Assert.Single(await bed.RunAsync(s => s.ListAsync(Ct)));
        Assert.Equal((entry.EntityId, "rey", Roles.Reviewer), (user.Id, user.DisplayName, user.Role));
    }

    [Fact]
    public async Task UsersAdd_RefusesAWeakPasswordWithExitCode2AndCreatesNothing()
    {
        await using var bed = await UserAdminTestBed.CreateAsync();

        var run = await CliRunner.RunWithInputAsync("short\n", "users", "add", "--email", "rey@example.test", "--role", "Reviewer", "--data-dir", bed.Workspace.DataDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("10", run.Error, StringComparison.Ordinal);
        Assert.Empty(await bed.RunAsync(s => s.ListAsync(Ct)));
        Assert.Empty(await bed.AuditAsync());
    }

    [Fact]
    public async Task ChangeRole_RefusesToDemoteTheLastActiveAdmin()
    {
        await using var bed = await UserAdminTestBed.CreateAsync();
        var admin = await bed.CreateAsync(Cli, "ada@example.test", Roles.Admin);
        var other = await bed.CreateAsync(Cli, "bob@example.test", Roles.Admin);
        await bed.RunAsync(s => s.SetDisabledAsync(Cli, other, true, Ct));

        // The other admin is disabled, so it does not count.
        var refused = await bed.RunAsync(s => s.ChangeRoleAsync(Cli, admin, Roles.Viewer, Ct));

        Assert.Equal([UserAdminService.LastAdminError], refused.Errors);
        Assert.Equal(Roles.Admin, (await bed.RunAsync(s => s.GetAsync(admin, Ct)))!.Role);
        Assert.DoesNotContain(await bed.AuditAsync(), e => e.Action == AuditActions.UserRoleChanged);
    }

    [Fact]
    public async Task ChangeRole_DemotesAnAdminWhileAnotherActiveAdminRemains()
    {
        await using var bed = await UserAdminTestBed.CreateAsync();
        var admin = await bed.CreateAsync(Cli, "ada@example.test", Roles.Admin);
        await bed.CreateAsync(Cli, "bob@example.test", Roles.Admin);

        var changed = await bed.RunAsync(s => s.ChangeRoleAsync(Actor.User(admin, "Ada"), admin, "viewer", Ct));

        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        var entry = (await bed.AuditAsync()).Last();
        Assert.Equal((AuditActions.UserRoleChanged, "Admin -> Viewer", admin, "Ada"), (entry.Action, entry.Detail, entry.ActorId, entry.ActorName));
    }

    [Fact]
    public async Task CreateFirstAdmin_RefusesOnceSomeoneCanSignIn()
    {
        await using var bed = await UserAdminTestBed.CreateAsync();
        await bed.CreateAsync(Cli, "cora@example.test", Roles.Curator);

        var refused = await bed.RunAsync(s => s.CreateFirstAdminAsync(
            new NewUserInput { Email = "ada@example.test", DisplayName = "Ada", Password = UserAdminTestBed.Password }, Ct));

        Assert.False(refused.Succeeded);
        Assert.Single(await bed.RunAsync(s => s.ListAsync(Ct)));
        Assert.DoesNotContain(await bed.AuditAsync(), e => e.Action == AuditActions.WorkspaceSetup);
    }
}
