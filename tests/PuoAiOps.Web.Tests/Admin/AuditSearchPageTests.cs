using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Components.Admin;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Admin;

/// <summary>
/// The audit page's search finds an entry by the words the reader sees: in Chinese by the Chinese wording of its
/// detail (resolved to codes from the console's resources, searched by the database), in English by the English.
/// </summary>
public sealed class AuditSearchPageTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task Search_InChinese_FindsTheEntryByItsChineseDetail()
    {
        var subject = await AddUnlockAsync();
        var shown = await SearchAsync("zh-CN", "已解除锁定", subject);
        Assert.Contains("已解除锁定，失败次数已清零", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_InEnglish_StillFindsTheEntryByItsEnglishDetail()
    {
        var subject = await AddUnlockAsync();
        var shown = await SearchAsync("en", "lockout ended", subject);
        Assert.Contains("lockout ended, failed attempts cleared", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void WordedCodes_InChinese_AreTheCodesWhoseFixedWordsContainTheTerm()
    {
        var localizers = team.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>();
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            Assert.Contains("AuditDetail.RoleAdmin", WordedCodeSearch.Containing(localizers, " 管理员 ", typeof(AuditDetail)));
            // "{0} → {1}": the placeholders are not words, so "0" finds nothing there.
            Assert.DoesNotContain("AuditDetail.Changed", WordedCodeSearch.Containing(localizers, "0", typeof(AuditDetail)));
            Assert.Empty(WordedCodeSearch.Containing(localizers, "  ", typeof(AuditDetail)));
        }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture); }
    }

    /// <summary>An unlock entry about a subject of its own, so other tests' entries do not matter.</summary>
    private Task<string> AddUnlockAsync() => team.WithDbAsync(async db =>
    {
        var subject = "subject-" + Guid.NewGuid().ToString("N")[..10];
        db.AuditLog.Add(new AuditEntry { ActorName = "Ada", Action = "user.unlocked", EntityType = "User", EntityId = subject }.WithDetail(AuditDetail.LockoutEnded));
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        return subject;
    });

    /// <summary>Types the term into the page's search, as a reader of <paramref name="culture"/>, and returns the row about the subject.</summary>
    private async Task<string> SearchAsync(string culture, string term, string subject)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await using var context = new BunitContext();
            var database = team.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            context.Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            context.Services.AddMudServices();
            context.Services.AddLocalization();
            context.Services.AddSingleton<MessageWords>();
            context.Services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, database));
            context.Services.AddAdminServices(); // registered only: the page resolves the reader and the clock
            context.JSInterop.Mode = JSRuntimeMode.Loose;
            context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            context.Render<MudPopoverProvider>();

            var page = context.Render<AuditPage>();
            page.Find("input[data-testid=audit-search]").Input(term);
            page.WaitForAssertion(() => Assert.NotNull(page.FindAll("tr").FirstOrDefault(r => r.TextContent.Contains(subject, StringComparison.Ordinal))),
                TimeSpan.FromSeconds(20));
            return page.FindAll("tr").First(r => r.TextContent.Contains(subject, StringComparison.Ordinal)).TextContent;
        }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current); }
    }
}
