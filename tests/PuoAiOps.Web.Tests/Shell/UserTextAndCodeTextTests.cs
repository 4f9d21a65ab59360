using Bunit;
using PuoAiOps.Web.Components.Shared;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>The shared pieces that keep code and user content out of the page's language: CodeText and UserText.</summary>
public sealed class UserTextAndCodeTextTests
{
    [Fact]
    public void CodeText_FillsEachPlaceholderWithACodeElement_AndEncodesTheRest()
    {
        using var context = new BunitContext();
        var text = context.Render<CodeText>(p => p
            .Add(c => c.Text, "运行 {0}，名为 {1} 的文件夹 <b>")
            .Add(c => c.Code, ["puo kb ingest 文件夹", "en"]));

        Assert.Equal(["puo kb ingest 文件夹", "en"], text.FindAll("code").Select(c => c.TextContent));
        Assert.Equal("运行 puo kb ingest 文件夹，名为 en 的文件夹 <b>", text.Markup.Replace("<code>", "").Replace("</code>", "").Replace("&lt;", "<").Replace("&gt;", ">"));
        Assert.Empty(text.FindAll("b"));
    }

    [Fact]
    public void CodeSegments_KeepAPlaceholderWithoutItsCode_AsWritten() =>
        Assert.Equal([new CodeSegments.Segment("a ", false), new CodeSegments.Segment("x", true), new CodeSegments.Segment(" ", false), new CodeSegments.Segment("{1}", false)],
            CodeSegments.Split("a {0} {1}", ["x"]));

    [Theory]
    [InlineData("Zhou Min (demo support agent)", null, "en")]
    [InlineData("周敏", null, "zh")]
    [InlineData("Payment failed", "zh-CN", "zh-CN")]
    public void UserText_MarksTheStoredLocale_ElseTheScriptsLanguage(string text, string? stored, string expected)
    {
        using var context = new BunitContext();
        var span = context.Render<UserText>(p => p.Add(u => u.Text, text).Add(u => u.Lang, stored)).Find("span");
        Assert.Equal(expected, span.GetAttribute("lang"));
        Assert.Equal(text, span.TextContent);
    }

    [Fact]
    public void UserText_WritesNoLang_ForTextWithoutLetters()
    {
        using var context = new BunitContext();
        Assert.False(context.Render<UserText>(p => p.Add(u => u.Text, "#42")).Find("span").HasAttribute("lang"));
    }
}
