using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Text;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Core.Tests.Properties;

/// <summary>The smallest examples of what the property suite found, kept as plain regression tests.</summary>
public sealed class PropertyFoundRegressionTests
{
    [Theory]
    [InlineData("half an emoji \uD83D then text")]
    [InlineData("\uDE00 low surrogate first")]
    [InlineData("noncharacters \uFFFE and \uFFFF")]
    public void Normalize_LoneSurrogatesAndNoncharacters_BecomeReplacementCharacters(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        Assert.Contains('\uFFFD', normalized);
        Assert.DoesNotContain(normalized, c => char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF');
        Assert.Equal(64, TextNormalizer.Hash(text).Length);
    }

    [Fact]
    public void WellFormed_ValidPairs_ReturnTheSameInstance()
    {
        const string Text = "family \U0001F468\u200D\U0001F469\u200D\U0001F467 and \U00020000";
        Assert.Same(Text, TextNormalizer.WellFormed(Text));
    }

    [Fact]
    public void Redact_PhoneOverlappedByAUrl_LeavesNoDigitsInClear()
    {
        var result = PiiRedactor.Default.Redact("see https://x.io/?token=abc+86 138 0013 8000 now");
        Assert.DoesNotContain("0013", result.Text, StringComparison.Ordinal);
        Assert.Equal(result.Text, PiiRedactor.Default.RedactText(result.Text));
    }

    [Fact]
    public void Redact_PhoneGluedToAnEmail_RedactsBothAndIsIdempotent()
    {
        var result = PiiRedactor.Default.Redact("call +86 138 0013 8000a@b.com");
        Assert.Equal("call <PHONE> <EMAIL>", result.Text);
        Assert.Equal(1, result.Count(PiiType.Phone));
        Assert.Equal(1, result.Count(PiiType.Email));
        Assert.False(PiiRedactor.Default.Redact(result.Text).Changed);
    }

    [Fact]
    public void ReadJsonLines_UnpairedSurrogateEscape_NamesTheLine()
    {
        var file = "{\"text\":\"fine\",\"label\":\"a\"}\n{\"text\":\"bad \\ud800\",\"label\":\"a\"}\n";
        var ex = Assert.Throws<IntentDataFormatException>(() => IntentDataReader.ReadJsonLines(new StringReader(file), "data.jsonl"));
        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("unpaired surrogate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJsonLines_LoneSurrogateInTheLineItself_NamesTheLine()
    {
        var file = "{\"text\":\"fine\",\"label\":\"a\"}\n\n{\"text\":\"bad \uD800\",\"label\":\"a\"}\n";
        var ex = Assert.Throws<IntentDataFormatException>(() => IntentDataReader.ReadJsonLines(new StringReader(file)));
        Assert.Equal(3, ex.LineNumber);
    }
}
