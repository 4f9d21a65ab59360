using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Tests.Metrics;

public sealed class ReportRendererTests
{
    private static ReportDocument Report(string question, string reason) => new(
        ReportKind.Daily, "2026-12-05", new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 5), MetricRegistry.Version, "UTC", new DateTime(2026, 12, 6, 1, 0, 0, DateTimeKind.Utc),
        [IndicatorView.FromRatio(MetricKeys.Resolution, Ratio.Of(40, 100), Ratio.Of(50, 100))],
        [], [new NearMissQuestion(7, question, "refund", 0.45)],
        new EscalationSummary(3, 1, [new ReasonCount(reason, 3)]), [],
        new AnnotationProgress("2026-W49", 0, 0, 0, null, 0, 0), []);

    [Fact]
    public void Csv_NeutralisesFormulaLikeCells_AndQuotesSeparators()
    {
        var csv = ReportRenderer.Csv(Report("=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1), really"));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", csv);
        Assert.Contains("\"'@SUM(A1), really\"", csv);
        // The negative change is a formula-like cell too: neutralised, not left for a spreadsheet to evaluate.
        Assert.Contains(",'-0.1,", csv);
        Assert.DoesNotContain(",=", csv);
        Assert.DoesNotContain(",@", csv);
    }

    [Fact]
    public void Markdown_KeepsUserTextFromBreakingTheTable()
    {
        var md = ReportRenderer.Markdown(Report("a | b <script> [x](http://e)", "r"));
        Assert.Contains("a \\| b &lt;script&gt; \\[x\\](http://e)", md);
        Assert.Contains("40.0 % | 30.9 % – 49.8 % | 40 / 100 | 50.0 % | -10.0 pt", md);
    }

    [Theory]
    [InlineData("r.md", ReportFormat.Markdown)]
    [InlineData("r.CSV", ReportFormat.Csv)]
    public void FormatOf_FollowsTheExtension(string path, ReportFormat format) => Assert.Equal(format, ReportRenderer.FormatOf(path));

    [Fact]
    public void FormatOf_UnknownExtension_IsRefused() => Assert.Throws<ArgumentException>(() => ReportRenderer.FormatOf("r.xlsx"));

    [Fact]
    public void Render_UnknownLanguage_IsRefused() => Assert.Throws<ArgumentException>(() => ReportRenderer.Markdown(Report("q", "r"), "fr"));
}
