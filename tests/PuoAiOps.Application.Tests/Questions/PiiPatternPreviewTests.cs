using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Tests.Questions;

/// <summary>The settings page's live test of the PII patterns being edited (saved or not).</summary>
public sealed class PiiPatternPreviewTests
{
    [Fact]
    public void Try_RedactsTheSampleWithUnsavedPatterns_AndSplitsOutTheMarkers()
    {
        var preview = PiiPatternPreview.Try([new CustomPiiPattern("ticket", @"TK\d{5}")], "Ticket TK12345 <b>from</b> ann@example.com");

        Assert.True(preview.CanRun);
        Assert.Equal("Ticket <TICKET> <b>from</b> <EMAIL>", string.Concat(preview.Parts.Select(p => p.Text)));
        Assert.Equal(["<TICKET>", "<EMAIL>"], preview.Parts.Where(p => p.IsMarker).Select(p => p.Text)); // <b> is the sample's own text
        Assert.Equal([("<EMAIL>", 1), ("<TICKET>", 1)], preview.Found);
    }

    [Fact]
    public void Try_WithABadPattern_NamesIt_AndRunsNothing()
    {
        var preview = PiiPatternPreview.Try([new CustomPiiPattern("broken", "("), new CustomPiiPattern("ok", @"x\d")], "anything");

        Assert.False(preview.CanRun);
        Assert.Equal("broken", Assert.Single(preview.Errors).Name);
        Assert.Empty(preview.Parts);
    }

    [Fact]
    public void Try_WithNothingFound_KeepsTheSampleAsTyped_AndCutsItAtTheLimit()
    {
        var preview = PiiPatternPreview.Try([], new string('a', PiiPatternPreview.MaxSampleLength + 10));
        Assert.Empty(preview.Found);
        Assert.Equal(PiiPatternPreview.MaxSampleLength, Assert.Single(preview.Parts).Text.Length);
    }

    [Fact]
    public void Rows_IgnoresSpareRows_AndTrimsNames() =>
        Assert.Equal([new CustomPiiPattern("order_id", @"ORD-\d{8}"), new CustomPiiPattern("", "x")],
            PiiPatternPreview.Rows([(" order_id ", @"ORD-\d{8}"), ("", ""), (null, null), ("  ", "x")]));
}
