using PuoAiOps.Web.Annotation.Guides;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>Guides are Markdown written by people: raw HTML and script links must never reach the page.</summary>
public sealed class GuideRendererTests
{
    private const string Guide = """
        # Payments

        Intro with <script>alert(1)</script> and <b onclick="x()">bold</b>.

        ## Recharge not credited

        Paid but no coins. See [payment failed](#payment-failed), the [rules](README.md#out-of-scope),
        [a trap](javascript:alert(1)), [data](data:text/html,hi) and [docs](https://example.com/x).

        | When | Use |
        |---|---|
        | declined | `payment_failed` |

        ## Payment failed

        <div>block html</div>
        """;

    [Fact]
    public void Render_NeverEmitsRawHtml()
    {
        var document = GuideRenderer.Render("payments.md", Guide);
        foreach (var html in document.Sections.Values.Select(s => s.Html).Append(document.Html))
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<div>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b onclick", html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("&lt;script&gt;", document.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;div&gt;block html&lt;/div&gt;", document.Sections["payment-failed"].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KeepsSafeLinks_PointsRelativeOnesAtGuidePages_AndDropsTheRest()
    {
        var section = GuideRenderer.Render("payments.md", Guide).Sections["recharge-not-credited"];
        Assert.Equal("Recharge not credited", section.Heading);
        Assert.Contains("href=\"/annotate/guides/payments.md#payment-failed\"", section.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/annotate/guides/README.md#out-of-scope\"", section.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/x\"", section.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", section.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:text", section.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("target=\"_blank\"", section.Html, StringComparison.Ordinal);
        Assert.Contains("<table>", section.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2", section.Html, StringComparison.Ordinal); // stops before the next section
    }

    [Theory]
    [InlineData("#x", "/annotate/guides/payments.md#x")]
    [InlineData("gifts.md", "/annotate/guides/gifts.md")]
    [InlineData("../secrets.md", "#")]
    [InlineData("/etc/passwd", "#")]
    [InlineData("vbscript:x", "#")]
    [InlineData("JavaScript:alert(1)", "#")]
    [InlineData("mailto:ops@example.com", "mailto:ops@example.com")]
    public void Rewrite_MapsEachKindOfTarget(string url, string expected) =>
        Assert.Equal(expected, GuideRenderer.Rewrite(url, "payments.md"));

    [Fact]
    public void Library_FindsTheRepositoryGuides_AndEverySectionTheGuidesLinkTo()
    {
        var folder = new GuideOptions().Resolve(AppContext.BaseDirectory);
        Assert.NotNull(folder);
        var payments = GuideRenderer.Render("payments.md", File.ReadAllText(Path.Combine(folder, "payments.md")));
        Assert.Contains("recharge-not-credited", payments.Sections.Keys);
        Assert.Contains("payment-failed", payments.Sections.Keys);
    }
}
