using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Admin;

public sealed class WorkspaceTimeZoneTests
{
    private static readonly Actor Ada = Actor.User("ada-id", "Ada", Roles.Admin);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TimeZone_IsUtcUntilSet_ThenTheSavedIanaZone_AndTheChangeIsAudited()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await using var services = Services(ws);
        var clock = services.GetRequiredService<WorkspaceClock>();
        Assert.Equal("UTC", (await clock.CurrentAsync(Ct)).ZoneId);

        await using (var scope = services.CreateAsyncScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<WorkspaceTimeZone>().SaveAsync(Ada, " Asia/Shanghai ", Ct));

        // The instance that saved sees it at once; another reads it from the settings.
        Assert.Equal("Asia/Shanghai", (await clock.CurrentAsync(Ct)).ZoneId);
        await using var other = Services(ws);
        Assert.Equal("Asia/Shanghai", (await other.GetRequiredService<WorkspaceClock>().CurrentAsync(Ct)).ZoneId);
        await using var db = ws.NewContext();
        var audit = await db.AuditLog.SingleAsync(Ct);
        Assert.Equal((WorkspaceTimeZone.AuditChanged, "UTC -> Asia/Shanghai"), (audit.Action, audit.Detail));
        Assert.DoesNotContain(await new WorkspaceSettings(db).ListAsync(Ct), s => s.Key == WorkspaceTimeZone.SettingKey); // edited on its own card
    }

    [Theory]
    [InlineData("", TimeZoneError.Required)]
    [InlineData("   ", TimeZoneError.Required)]
    [InlineData("Mars/Olympus_Mons", TimeZoneError.Unknown)]
    [InlineData("../../etc/passwd", TimeZoneError.Unknown)]
    public async Task Save_RefusesAnUnknownZone_AndStoresNothing(string id, TimeZoneError expected)
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await using var services = Services(ws);
        await using var scope = services.CreateAsyncScope();
        Assert.Equal(expected, await scope.ServiceProvider.GetRequiredService<WorkspaceTimeZone>().SaveAsync(Ada, id, Ct));
        await using var db = ws.NewContext();
        Assert.False(await db.Settings.AnyAsync(s => s.Key == WorkspaceTimeZone.SettingKey, Ct));
        Assert.False(await db.AuditLog.AnyAsync(Ct));
    }

    [Fact]
    public async Task AStoredIdThisMachineDoesNotKnow_ReadsAsUtc()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await using (var db = ws.NewContext())
        {
            db.Settings.Add(new Setting { Key = WorkspaceTimeZone.SettingKey, Value = "Nowhere/Land" });
            await db.SaveChangesAsync(Ct);
        }
        await using var services = Services(ws);
        Assert.Equal("UTC", (await services.GetRequiredService<WorkspaceClock>().CurrentAsync(Ct)).ZoneId);
    }

    [Fact]
    public void WorkspaceTime_ShowsUtcTimesInTheZone_WithTheDateOfThatZone()
    {
        var shanghai = new WorkspaceTime(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var utc = new DateTime(2026, 1, 1, 20, 30, 0, DateTimeKind.Unspecified); // as EF reads SQLite dates
        Assert.Equal(new DateTime(2026, 1, 2, 4, 30, 0), shanghai.ToLocal(utc));
        Assert.Equal("2026-01-02T04:30:00.0000000+08:00", shanghai.Iso(utc));
        Assert.Equal("01/02/2026", shanghai.Format(utc, "d", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2026-01-01 20:30", WorkspaceTime.Utc.Format(utc, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void KnownIds_AreIanaIds_StartingWithUtc() =>
        Assert.All(WorkspaceTimeZone.KnownIds(), id => Assert.Null(WorkspaceTimeZone.Check(id, out _)));

    private static ServiceProvider Services(TempWorkspace ws)
    {
        var services = new ServiceCollection();
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, ws.Options));
        services.AddAdminServices();
        return services.BuildServiceProvider(validateScopes: true);
    }
}
