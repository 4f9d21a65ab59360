using CsCheck;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Core.Tests.Redaction;

/// <summary>Find reports exactly the spans Redact replaces, so the script linter points at what redaction would remove.</summary>
public sealed class FindTests
{
    [Fact]
    public void Find_ReturnsPositionsOfEachMatch()
    {
        const string text = "mail jane.doe@example.com or call +44 20 7946 0958";
        var spans = PiiRedactor.Default.Find(text);
        Assert.Equal(["jane.doe@example.com", "+44 20 7946 0958"], spans.Select(s => text[s.Start..s.End]));
        Assert.Equal([PiiType.Email, PiiType.Phone], spans.Select(s => s.Type));
    }

    [Fact]
    public void Find_CoversWhatOnlyALaterPassFinds()
    {
        // Found by the property below: the second pass of Redact joins the phone number and the card.
        const string text = "+1 415 555 0100 4111 1111 1111 1111 ";
        var rebuilt = text;
        foreach (var span in PiiRedactor.Default.Find(text).Reverse())
            rebuilt = rebuilt[..span.Start] + PiiTypes.Marker(span.Type) + rebuilt[span.End..];
        Assert.Equal(PiiRedactor.Default.RedactText(text), rebuilt);
    }

    [Fact]
    public void Find_SpansReplacedByMarkers_EqualRedact()
    {
        var parts = Gen.OneOf(Gen.Const("a@b.co "), Gen.Const("4111 1111 1111 1111 "), Gen.Const("+1 415 555 0100 "), Gen.Const("192.168.0.1 "),
            Gen.String[Gen.Char["ab 12@.+-"], 0, 12]);
        parts.Array[0, 8].Select(p => string.Concat(p)).Sample(text =>
        {
            var rebuilt = text;
            foreach (var span in PiiRedactor.Default.Find(text).Reverse())
                rebuilt = rebuilt[..span.Start] + PiiTypes.Marker(span.Type) + rebuilt[span.End..];
            return rebuilt == PiiRedactor.Default.RedactText(text);
        }, iter: 2000);
    }
}
