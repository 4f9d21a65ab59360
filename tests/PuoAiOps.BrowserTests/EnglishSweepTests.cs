namespace PuoAiOps.BrowserTests;

/// <summary>What the sweep of the Chinese pages counts as English left behind, without a browser.</summary>
public sealed class EnglishSweepTests
{
    [Theory]
    [InlineData("第 3 行：The key is already taken", "The key is already taken")]
    [InlineData("by the command line, 2026/12/7", "by the command line,")]
    [InlineData("任务失败：Training needs more labels.", "Training needs more labels.")]
    [InlineData("placeholder=My order ORD-20240511 failed, mail me", "failed, mail me")]
    [InlineData("LLM 端点 http://x 拒绝：Request refused (HTTP 401)", "Request refused")]
    public void EnglishRun_FindsTwoEnglishWordsInARow(string text, string run) => Assert.Equal(run, EnglishSweep.EnglishRun(text));

    [Theory]
    [InlineData("登录失败 login_failed 的脚本")]
    [InlineData("未配置 LLM 端点（Ai:Provider 为 None）。")]
    [InlineData("模型 all-labels 在 Azure OpenAI 上运行，耗时 12 ms")]
    [InlineData("请求 /api/v1/chat 返回 HTTP 503")]
    [InlineData("PuoAiOps 控制台")]
    [InlineData("LLM 评审需要 LLM：请设置")]
    [InlineData("上传 CSV 或 JSON Lines 文件")]
    [InlineData("Ada Admin，2026/12/7")]
    public void EnglishRun_PassesIdentifiersSingleWordsAndAllowedNames(string text) => Assert.Null(EnglishSweep.EnglishRun(text));
}
