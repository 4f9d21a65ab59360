using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Demo;

/// <summary>
/// The bulk writer and removal on PostgreSQL, in a fresh database on the server named by PUO_TEST_POSTGRES.
/// </summary>
public sealed class DemoPostgresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedAndRemove_WorkOnPostgres()
    {
        await using var scratch = await ScratchPostgresDatabase.CreateAsync("demo", Ct);
        await using var db = DbContextConfigurator.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = scratch.ConnectionString });
        await new SchemaMigrator(db).MigrateAsync(Ct);
        Assert.False(await db.Questions.AnyAsync(Ct));
        var workspace = new DemoWorkspace(db, clock: new FixedClock());

        var seeded = await workspace.SeedAsync(Ct);
        Assert.Equal(20_000, await db.Conversations.CountAsync(Ct));
        Assert.Equal(seeded.Turns, await db.Turns.CountAsync(Ct));
        Assert.Equal("充值未到账", (await db.Intents.SingleAsync(i => i.Key == "recharge_not_credited", Ct)).Names["zh-CN"]);

        // Identity sequences must have moved past the explicit ids, or this insert collides.
        var conversation = new Conversation { UserRef = "u_real" };
        conversation.Turns.Add(new Turn { Role = TurnRole.User, Text = "hi" });
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(Ct);
        Assert.True(conversation.Id > 20_000);

        await workspace.RemoveAsync(Ct);
        Assert.False(await db.Conversations.AnyAsync(c => c.IsDemo, Ct));
        Assert.Equal(1, await db.Conversations.CountAsync(Ct));
        db.Conversations.Remove(conversation);
        await db.SaveChangesAsync(Ct);
    }
}
