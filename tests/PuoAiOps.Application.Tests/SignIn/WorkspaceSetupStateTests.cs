using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.SignIn;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.SignIn;

/// <summary>The setup gate's question: has the workspace a user who can sign in?</summary>
public sealed class WorkspaceSetupStateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HasUsers_CountsOnlyUsersWithAPassword_AndStaysTrueOnceTrue()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        await using var services = new ServiceCollection().AddScoped(_ => workspace.NewContext()).BuildServiceProvider();
        var state = new WorkspaceSetupState();
        await using (var db = workspace.NewContext())
        {
            // A demo annotator: no password, cannot sign in, does not count.
            db.Users.Add(new AppUser { UserName = "demo@example.test", Email = "demo@example.test", DisplayName = "Demo" });
            await db.SaveChangesAsync(Ct);
        }
        await using (var scope = services.CreateAsyncScope())
            Assert.False(await state.HasUsersAsync(scope.ServiceProvider, Ct));

        await using (var db = workspace.NewContext())
        {
            db.Users.Add(new AppUser { UserName = "ada@example.test", Email = "ada@example.test", DisplayName = "Ada", PasswordHash = "hash" });
            await db.SaveChangesAsync(Ct);
        }
        await using (var scope = services.CreateAsyncScope())
            Assert.True(await state.HasUsersAsync(scope.ServiceProvider, Ct)); // another instance's setup is noticed at once

        // Cached from then on: no database is asked again.
        Assert.True(await state.HasUsersAsync(new ServiceCollection().BuildServiceProvider(), Ct));
    }
}
