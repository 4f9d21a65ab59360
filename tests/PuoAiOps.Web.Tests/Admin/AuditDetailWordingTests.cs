using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Admin;

/// <summary>
/// Audit-log details as the audit page reads them: the services store a code beside the English detail, and the
/// page words it with <see cref="MessageWords"/> in the reader's language, roles included; the API keeps the English.
/// </summary>
public sealed class AuditDetailWordingTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AUserCreatedAndGivenANewRole_ReadInChinese_WithTheRolesAsWords()
    {
        var admin = Actor.User(team.Admin.Id, "Ada", Roles.Admin);
        var email = $"audit-{Guid.NewGuid():N}@example.com";
        var created = await team.WithServiceAsync<UserAdminService, UserCommandResult>(s =>
            s.CreateAsync(admin, new NewUserInput { Email = email, DisplayName = "Audit Person", Password = ConsoleFixture.Password, Role = Roles.Annotator }, Ct));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        await team.WithServiceAsync<UserAdminService, UserCommandResult>(s => s.ChangeRoleAsync(admin, created.UserId!, Roles.Reviewer, Ct));

        var page = await team.WithServiceAsync<AuditLogReader, AuditLogPage>(r => r.PageAsync(new AuditQuery(created.UserId), Ct));
        var made = Assert.Single(page.Rows, e => e.Action == AuditActions.UserCreated);
        var changed = Assert.Single(page.Rows, e => e.Action == AuditActions.UserRoleChanged);
        // The English stays what the API, the CLI and the search read.
        Assert.Equal(("role Annotator", "Annotator -> Reviewer"), (made.Detail, changed.Detail));
        Assert.Equal((AuditDetail.UserCreated, AuditDetail.Changed), ((AuditDetail)made.DetailCode!.Code, (AuditDetail)changed.DetailCode!.Code));
        Assert.Equal("角色：标注员", InChinese(made.DetailCode, made.Detail));
        Assert.Equal("标注员 → 审核员", InChinese(changed.DetailCode, changed.Detail));
    }

    [Fact]
    public async Task AnApiKeysDetail_KeepsItsNameAsWritten_AndWordsItsRole()
    {
        var admin = Actor.User(team.Admin.Id, "Ada", Roles.Admin);
        var name = "渠道 key " + Guid.NewGuid().ToString("N")[..6];
        var key = await team.WithServiceAsync<ApiKeyService, ApiKeyResult>(s => s.CreateAsync(admin, name, Roles.Viewer, Ct));
        var prefix = key.Created!.Key.Prefix;
        var page = await team.WithServiceAsync<AuditLogReader, AuditLogPage>(r => r.PageAsync(new AuditQuery(prefix), Ct));
        var entry = Assert.Single(page.Rows);
        Assert.Equal($"{name} ({prefix}), role Viewer", entry.Detail);
        Assert.Equal($"{name}（{prefix}），角色：查看者", InChinese(entry.DetailCode, entry.Detail));
    }

    [Fact]
    public async Task AnEntryWrittenBeforeDetailsHadCodes_ShowsItsEnglish()
    {
        var id = await team.WithDbAsync(async db =>
        {
            var entry = new AuditEntry { ActorName = "old", Action = "user.created", EntityType = "User", Detail = "role Curator (old " + Guid.NewGuid().ToString("N") + ")" };
            db.AuditLog.Add(entry);
            await db.SaveChangesAsync(Ct);
            return entry.Detail;
        });
        var page = await team.WithServiceAsync<AuditLogReader, AuditLogPage>(r => r.PageAsync(new AuditQuery(id[^20..]), Ct));
        var row = Assert.Single(page.Rows);
        Assert.Null(row.DetailCode);
        Assert.Equal(id, InChinese(row.DetailCode, row.Detail));
    }

    /// <summary>As the audit page words a detail: <c>Words.Line(code, english)</c>, for a reader in zh-CN.</summary>
    private string InChinese(CodedMessage? code, string? english)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try { return team.Services.GetRequiredService<MessageWords>().Line(code, english); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture); }
    }
}
