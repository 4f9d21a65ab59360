using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PuoAiOps.Web.Taxonomy;

namespace PuoAiOps.Web.Tests.Taxonomy;

/// <summary>Guide sections are rendered from Markdown without ever emitting the guide's raw HTML or script URLs.</summary>
public sealed class GuideLibraryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "puo-guides-" + Guid.NewGuid().ToString("N"));

    public GuideLibraryTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "payments.md"), """
            # Payments

            Intro <b>bold</b> text.

            ## Recharge failed

            **Definition.** Coins missing.<script>alert('x')</script>

            <div onclick="steal()">block html</div>

            See [the other one](#refund) and [general rules](README.md#unclear), [bad](javascript:alert(1)), <javascript:alert(2)>.

            ### Examples

            - my coins never came

            ## Refund

            Wants the money back.
            """);
    }

    private GuideLibrary Library(string? configured = null) =>
        new(Options.Create(new GuideOptions { GuidesPath = configured ?? _folder }), new HostingEnvironment { ContentRootPath = Path.GetTempPath() });

    [Fact]
    public async Task Section_RendersItsBlocksUntilTheNextHeadingOfTheSameLevel()
    {
        var section = await Library().GetAsync("payments.md#recharge-failed", TestContext.Current.CancellationToken);
        Assert.NotNull(section);
        Assert.Equal("Recharge failed", section.Title);
        Assert.Contains("<strong>Definition.</strong>", section.Html, StringComparison.Ordinal);
        Assert.Contains("my coins never came", section.Html, StringComparison.Ordinal); // the sub-heading's content belongs to it
        Assert.DoesNotContain("Wants the money back", section.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawHtmlAndScriptLinks_AreNeverEmitted()
    {
        var section = await Library().GetAsync("payments.md#recharge-failed", TestContext.Current.CancellationToken);
        Assert.NotNull(section);
        Assert.DoesNotContain("<script", section.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", section.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", section.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", section.Html, StringComparison.Ordinal); // shown as text
        Assert.Contains("href=\"/taxonomy/guides/payments.md#refund\"", section.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/taxonomy/guides/README.md#unclear\"", section.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAnchorsFilesAndPathsOutsideTheFolder_AreNotFound()
    {
        var library = Library();
        var ct = TestContext.Current.CancellationToken;
        Assert.Null(await library.GetAsync("payments.md#no-such-heading", ct));
        Assert.Null(await library.GetAsync("missing.md", ct));
        Assert.Null(await library.GetAsync("../secrets.md", null, ct));
        Assert.Null(await library.GetAsync("/etc/passwd.md", null, ct));
        Assert.Equal("Payments", (await library.GetAsync("payments.md", ct))!.Title);
        Assert.Equal(["payments.md"], library.ListFiles());
    }

    [Fact]
    public void DefaultFolder_IsFoundByWalkingUpFromTheContentRoot()
    {
        var nested = Path.Combine(_folder, "app", "bin");
        Directory.CreateDirectory(Path.Combine(_folder, "annotation-guides"));
        Directory.CreateDirectory(nested);
        Assert.Equal(Path.Combine(_folder, "annotation-guides"), GuideLibrary.ResolveFolder(null, nested));
        Assert.Null(GuideLibrary.ResolveFolder("does-not-exist", nested));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS temp cleaner
        }
    }
}
