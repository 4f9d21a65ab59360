using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Tests.Classification;

public class NormalizeIntoBufferTests
{
    [Theory]
    [InlineData("  How   do I\treset my PIN?  ")]
    [InlineData("怎么开通ＶＩＰ会员，１００元？")]
    [InlineData("ﬁle ＡＢＣ\u00A0x")] // NFKC expands the ligature: the buffer must grow
    [InlineData("")]
    public void Normalize_IntoBuffer_MatchesTheStringForm(string text)
    {
        var buffer = new char[2];
        var length = TextNormalizer.Normalize(text, ref buffer);
        Assert.Equal(TextNormalizer.Normalize(text), new string(buffer, 0, length));
    }

    [Fact]
    public void Normalize_IntoLargeEnoughBuffer_KeepsTheBuffer()
    {
        var buffer = new char[64];
        var original = buffer;
        TextNormalizer.Normalize("Where is MY order", ref buffer);
        Assert.Same(original, buffer);
    }
}
