using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PuoAiOps.Application.Knowledge.Documents;
using PuoAiOps.Web.Components.Knowledge;

namespace PuoAiOps.Web.Tests.Knowledge;

/// <summary>The knowledge pages' components on their own (bUnit): highlighted matches, chunk index state, figures.</summary>
public sealed class KnowledgeComponentTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    public KnowledgeComponentTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.Services.AddSingleton<PuoAiOps.Web.Localization.MessageWords>();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
    }

    [Fact]
    public void HighlightedText_MarksMatches_AndEncodesMarkupFromTheDocument()
    {
        var cut = _context.Render<HighlightedText>(p => p.Add(c => c.Text, "<b>Refunds</b> take 5 days").Add(c => c.Query, "refund days").Add(c => c.Lang, "en"));

        Assert.Equal(["Refund", "days"], cut.FindAll("mark").Select(m => m.TextContent));
        Assert.Empty(cut.FindAll("b"));
        Assert.Contains("&lt;b&gt;", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("en", cut.Find("[data-testid=hit-text]").GetAttribute("lang"));
    }

    [Fact]
    public void ChunkList_SaysWhichChunksTheKeywordIndexHolds()
    {
        ChunkView[] chunks =
        [
            new(1, 0, "Refund policy", "Unused coins can be refunded.", "abc", 6, true, VectorState.Current),
            new(2, 1, "Refund policy › Who decides", "Apple decides.", "def", 3, false, VectorState.None),
        ];
        var cut = _context.Render<ChunkList>(p => p.Add(c => c.Chunks, chunks).Add(c => c.Locale, "en"));

        Assert.Equal(["Keyword index", "Not in the keyword index"], cut.FindAll("[data-testid=chunk-keyword]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["Refund policy", "Refund policy › Who decides"], cut.FindAll("[data-testid=chunk-heading]").Select(e => e.TextContent));
        Assert.Contains("2 chunks, cut at headings; 1 in the keyword index, 1 with a vector", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.9, 0.8, "+10.0 pt", "kb-delta-up")]
    [InlineData(0.7, 0.8, "-10.0 pt", "kb-delta-down")]
    [InlineData(0.8, 0.8, "±0 pt", "console-muted")]
    public void Figure_ShowsTheChangeSinceThePreviousRun(double now, double before, string delta, string css)
    {
        var text = KnowledgeWords.Delta(now, before, percent: true);
        var cut = _context.Render<Figure>(p => p.Add(c => c.Label, "Recall@1").Add(c => c.Value, KnowledgeWords.Percent(now)).Add(c => c.Delta, text).Add(c => c.Test, "r1"));

        Assert.Equal(delta, cut.Find("[data-testid=delta-r1]").TextContent);
        Assert.Contains(css, cut.Find("[data-testid=delta-r1]").ClassName, StringComparison.Ordinal);
        Assert.Equal("", KnowledgeWords.Delta(now, null, percent: true));
    }

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentCulture = _previous;
        CultureInfo.CurrentUICulture = _previousUi;
        await _context.DisposeAsync();
    }
}
