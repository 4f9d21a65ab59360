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

    [Fact]
    public void NamedText_MarksOnlyTheNamesWithTheirLang_AndFillsTheOtherValuesAsText()
    {
        using var context = new BunitContext();
        var text = context.Render<NamedText>(p => p
            .Add(c => c.Text, "由 {1} 于 {0} 训练，{2} 条问题 <b>{3}")
            .Add(c => c.Args, ["2026/12/7 05:00 UTC", "Priya Natarajan (demo reviewer)", "1,200"])
            .Add(c => c.UserArgs, [1]));

        var name = Assert.Single(text.FindAll("span"));
        Assert.Equal("Priya Natarajan (demo reviewer)", name.TextContent);
        Assert.Equal("en", name.GetAttribute("lang"));
        Assert.Equal("由 Priya Natarajan (demo reviewer) 于 2026/12/7 05:00 UTC 训练，1,200 条问题 <b>{3}", WholeText(text));
        Assert.Empty(text.FindAll("b"));
    }

    // The component renders a fragment without a root element: its text is its nodes' text in order.
    private static string WholeText(IRenderedComponent<NamedText> text) => string.Concat(text.Nodes.Select(n => n.TextContent));

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
