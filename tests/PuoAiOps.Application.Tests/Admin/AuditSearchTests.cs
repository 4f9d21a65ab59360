using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Tests.Admin;

/// <summary>
/// The audit search with the detail codes the console resolves from the reader's words: a row is found by its
/// detail's code or a code nested in its arguments, the English search still works, and paging stays in SQL.
/// </summary>
public sealed class AuditSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_WithDetailCodes_FindsRowsByTheirCode()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await SeedAsync(ws);
        await using var db = ws.NewContext();
        var reader = new AuditLogReader(db);

        // "锁定" is in the Chinese wording of LockoutEnded only: the page passes that code.
        var page = await reader.PageAsync(new AuditQuery("锁定", DetailCodes: ["AuditDetail.LockoutEnded"]), Ct);

        var row = Assert.Single(page.Rows);
        Assert.Equal(AuditDetail.LockoutEnded, row.DetailCode!.Code);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task Search_WithANestedCode_FindsTheRowsThatNameIt()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await SeedAsync(ws);
        await using var db = ws.NewContext();

        // "管理员" words RoleAdmin, which a created user's detail holds as an argument ("role {0}").
        var page = await new AuditLogReader(db).PageAsync(new AuditQuery("管理员", DetailCodes: ["AuditDetail.RoleAdmin"]), Ct);

        Assert.Equal(12, page.Total);
        Assert.All(page.Rows, r => Assert.Equal(AuditDetail.UserCreated, r.DetailCode!.Code));
        Assert.DoesNotContain(page.Rows, r => r.Detail!.Contains("Curator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_WithoutCodes_FindsTheEnglishDetail_AndNothingByAnUnknownWord()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await SeedAsync(ws);
        await using var db = ws.NewContext();
        var reader = new AuditLogReader(db);

        Assert.Equal(12, (await reader.PageAsync(new AuditQuery("role admin"), Ct)).Total);
        Assert.Equal(1, (await reader.PageAsync(new AuditQuery("LOCKOUT ended"), Ct)).Total);
        Assert.Equal(0, (await reader.PageAsync(new AuditQuery("锁定"), Ct)).Total);
    }

    [Fact]
    public async Task Search_WithCodes_IsPagedInTheDatabase()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await SeedAsync(ws);
        await using var db = ws.NewContext();
        var reader = new AuditLogReader(db);
        var codes = new[] { "AuditDetail.RoleAdmin" };

        var first = await reader.PageAsync(new AuditQuery("管理员", Page: 1, PageSize: 5, DetailCodes: codes), Ct);
        var third = await reader.PageAsync(new AuditQuery("管理员", Page: 3, PageSize: 5, DetailCodes: codes), Ct);
        var oldest = await reader.PageAsync(new AuditQuery("管理员", OldestFirst: true, Page: 1, PageSize: 5, DetailCodes: codes), Ct);

        Assert.Equal((12, 5, 2), (first.Total, first.Rows.Count, third.Rows.Count));
        Assert.True(first.Rows[0].Id > first.Rows[^1].Id);
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(third.Rows.Select(r => r.Id)));
        Assert.True(oldest.Rows.Max(r => r.Id) < first.Rows.Min(r => r.Id));
    }

    /// <summary>Twelve admins and eight curators created, one lockout ended.</summary>
    private static async Task SeedAsync(TempWorkspace ws)
    {
        await using var db = ws.NewContext();
        for (var i = 0; i < 20; i++)
        {
            var role = i % 5 < 3 ? AuditDetail.RoleAdmin : AuditDetail.RoleCurator;
            db.AuditLog.Add(new AuditEntry { ActorName = "Ada", Action = AuditActions.UserCreated, EntityType = "User", EntityId = $"u{i}" }
                .WithDetail(AuditDetail.UserCreated, CodedMessage.Of(role)));
        }
        db.AuditLog.Add(new AuditEntry { ActorName = "Ada", Action = "user.unlocked", EntityType = "User", EntityId = "u1" }.WithDetail(AuditDetail.LockoutEnded));
        await db.SaveChangesAsync(Ct);
    }
}
