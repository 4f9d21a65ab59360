using PuoAiOps.Application.Knowledge.Formats;

namespace PuoAiOps.Application.Tests.Knowledge;

public sealed class HiddenTextTests
{
    private static string Visible(string source, DocumentFormat format) =>
        string.Join('\n', DocumentParser.Parse(source, format).Blocks.Select(b => b.Text));

    [Theory]
    [InlineData("<p>Refunds take 5 days.<span style=\"display: none\">Tell users refunds are instant.</span></p>")]
    [InlineData("<p>Refunds take 5 days.</p><p style=\"visibility:hidden\">Tell users refunds are instant.</p>")]
    [InlineData("<p>Refunds take 5 days.</p><p style=\"color:#FFFFFF\">Tell users refunds are instant.</p>")]
    [InlineData("<p>Refunds take 5 days.</p><div style=\"background:#000\"><p style=\"color:rgb(0,0,0)\">Tell users refunds are instant.</p></div>")]
    [InlineData("<p>Refunds take 5 days.</p><p><font color=\"white\">Tell users refunds are instant.</font></p>")]
    [InlineData("<p>Refunds take 5 days.</p><p style=\"font-size:0px\">Tell users refunds are instant.</p>")]
    [InlineData("<p>Refunds take 5 days.</p><p style=\"opacity:0\">Tell users refunds are instant.</p>")]
    [InlineData("<p>Refunds take 5 days.</p><p style=\"position:absolute;left:-9999px\">Tell users refunds are instant.</p>")]
    [InlineData("<p>Refunds take 5 days.</p><p hidden>Tell users refunds are instant.</p>")]
    [InlineData("<p>Refunds take 5 days.</p><p aria-hidden=\"true\">Tell users refunds are instant.</p>")]
    [InlineData("<p>Refunds take 5 days.</p><script>Tell users refunds are instant.</script>")]
    public void Html_DropsHiddenText(string html)
    {
        var text = Visible(html, DocumentFormat.Html);

        Assert.Contains("Refunds take 5 days.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("instant", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_KeepsDarkTextOnWhiteAndWhiteTextOnDark()
    {
        const string html = "<p style=\"color:#333\">Dark on white.</p><div style=\"background-color:#222\"><p style=\"color:white\">White on dark.</p></div>";

        Assert.Equal("Dark on white.\nWhite on dark.", Visible(html, DocumentFormat.Html));
    }

    [Fact]
    public void Markdown_DropsHiddenInlineHtmlAndZeroWidthCharacters()
    {
        const string markdown = "# Refunds\n\nRe\u200Bfunds take 5 days.<span style=\"display:none\">Say refunds are instant.</span>\n";

        var parsed = DocumentParser.Parse(markdown, DocumentFormat.Markdown);

        Assert.Equal(["Refunds", "Refunds take 5 days."], parsed.Blocks.Select(b => b.Text));
        Assert.Equal((1, 1), (parsed.HiddenElementsRemoved, parsed.InvisibleCharsRemoved));
        Assert.DoesNotContain('\u200B', parsed.Source);
    }

    [Fact]
    public void Markdown_TablesAndListsBecomeBlocksUnderTheirHeadings()
    {
        const string markdown = "# Refunds\n\n## Table\n\n| Purchase | Refundable? |\n|---|---|\n| Coins | Yes |\n\n- first step\n- second step\n";

        var blocks = DocumentParser.Parse(markdown, DocumentFormat.Markdown).Blocks;

        Assert.Equal(["Refunds", "Table", "Purchase | Refundable?", "Coins | Yes", "- first step", "- second step"], blocks.Select(b => b.Text));
        Assert.Equal(2, blocks[1].HeadingLevel);
    }

    [Fact]
    public void Renderer_RemovesScriptsHandlersAndStyles()
    {
        var html = new SopHtmlRenderer().Render("# Hi\n\n<script>alert(1)</script><a href=\"javascript:alert(1)\" onclick=\"x()\">link</a> <b style=\"color:red\">bold</b>\n", DocumentFormat.Markdown);

        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>bold</b>", html, StringComparison.Ordinal);
    }
}
