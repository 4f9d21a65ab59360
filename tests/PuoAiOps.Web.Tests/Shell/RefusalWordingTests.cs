using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge.Suites;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>
/// A refusal raised by the real service reads in Chinese on a zh-CN page: one per area whose refusals
/// became codes (knowledge suites, answer grading, the playground's chat, API keys), worded the way the
/// pages word them (<see cref="CodedMessageText.WordRefusal"/> with the area's resource).
/// </summary>
public sealed class RefusalWordingTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SuiteRefusal_ReadsInChinese()
    {
        var ex = await RefusalAsync<RetrievalSuiteService>(s => s.CreateAsync("  ", 5, null, Ct));

        Assert.Equal("回归测试集名称必须为 1-128 个字符", Word<KnowledgeText>(ex));
    }

    [Fact]
    public async Task GradingRefusal_ReadsInChinese()
    {
        var ex = await RefusalAsync<GradingService>(s => s.DrawSampleAsync("2026-W99", null, Ct));

        Assert.Equal("“2026-W99”不是 ISO 周（格式如 2026-W49）。", Word<MetricsText>(ex));
    }

    [Fact]
    public async Task PlaygroundRefusal_ReadsInChinese()
    {
        var ex = await RefusalAsync<ChatService>(s => s.ChatAsync(new ChatRequest(null, "playground:u", "  "), Ct));

        Assert.Equal("请输入消息。", Word<PlaygroundText>(ex));
    }

    [Fact]
    public async Task ApiKeyRefusal_ReadsInChinese()
    {
        var admin = Actor.User("admin-wording", "Admin", Roles.Admin);
        var ex = await RefusalAsync<ApiKeyService>(s => s.CreateAsync(admin, "bot", Roles.Viewer, 0, Ct));

        Assert.Equal($"请求额度必须在每分钟 1 到 {ApiKeyService.MaxRequestsPerMinute} 次之间。", Word<AdminText>(ex));
    }

    private async Task<Exception> RefusalAsync<TService>(Func<TService, Task> call) where TService : notnull
    {
        await using var scope = console.Services.CreateAsyncScope();
        return await Assert.ThrowsAnyAsync<Exception>(() => call(scope.ServiceProvider.GetRequiredService<TService>()));
    }

    private string Word<TArea>(Exception ex)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            return console.Services.GetRequiredService<IStringLocalizer<TArea>>().WordRefusal(ex);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
