using Microsoft.Playwright;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// Which text on a Chinese page the sweep reads, in a real browser: console text (inheriting the page's lang) with
/// English in it is a hit; content the page marks with a lang of its own is not, whatever that lang is.
/// </summary>
public sealed class EnglishSweepPageTests
{
    [Fact]
    public async Task Sweep_ReadsConsoleText_AndLeavesMarkedContentAlone()
    {
        var chromium = ChromiumLocator.Require();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumLocator.Args });
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("""
            <html lang="zh-CN"><body>
              <p>保存失败：Please try again later</p>
              <p><span lang="zh">客服你好，支持Apple Pay吗！！</span></p>
              <p><span lang="en">My order never arrived</span></p>
              <input placeholder="Search all questions">
              <input lang="zh" placeholder="Apple Pay 怎么用 Gift Card Balance">
              <p>每页 <code>puo report daily --out file</code></p>
            </body></html>
            """);

        var hits = await EnglishSweep.FindAsync(page);

        Assert.Equal(["“Please try again later” in “保存失败：Please try again later”", "“all questions” in “placeholder=Search all questions”"], hits);
    }
}
