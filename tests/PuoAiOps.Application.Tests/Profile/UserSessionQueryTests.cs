using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Profile;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Profile;

/// <summary>The per-request check of a session cookie: the account exists, is enabled, and its stamp is the cookie's.</summary>
public sealed class UserSessionQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IsCurrent_OnlyForAnEnabledAccount_WhoseStampIsUnchanged()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var user = new AppUser { UserName = "mei@example.test", Email = "mei@example.test", DisplayName = "Mei", SecurityStamp = "stamp-1" };
        await using (var db = workspace.NewContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = workspace.NewContext())
        {
            var query = new UserSessionQuery(db);
            Assert.True(await query.IsCurrentAsync(user.Id, "stamp-1", Ct));
            Assert.False(await query.IsCurrentAsync(user.Id, "stamp-0", Ct)); // issued before a sign-out everywhere
            Assert.False(await query.IsCurrentAsync(user.Id, null, Ct));
            Assert.False(await query.IsCurrentAsync("no-such-user", "stamp-1", Ct));
        }

        await using (var db = workspace.NewContext())
        {
            var stored = await db.Users.FindAsync([user.Id], Ct);
            stored!.IsDisabled = true;
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = workspace.NewContext())
            Assert.False(await new UserSessionQuery(db).IsCurrentAsync(user.Id, "stamp-1", Ct));
    }
}
