using PuoAiOps.Core.Retrieval;

namespace PuoAiOps.Core.Tests.Retrieval;

public sealed class InvisibleTextTests
{
    [Theory]
    [InlineData("re\u200Bfund", "refund")]
    [InlineData("re\u200Cfu\u200Dnd\u2060", "refund")]
    [InlineData("\uFEFFrefund", "refund")]
    [InlineData("pay\u00ADout", "payout")]
    [InlineData("a\u202Eb\u202Cc", "abc")]
    [InlineData("ok\U000E0049\U000E0047\U000E004E", "ok")]
    [InlineData("bell\u0007", "bell")]
    public void Strip_RemovesInvisibleCharacters(string input, string expected) => Assert.Equal(expected, InvisibleText.Strip(input));

    [Fact]
    public void Strip_KeepsVisibleTextLineBreaksAndChinese()
    {
        const string text = "Line one\n\tLine two\r\n充值未到账 😀 café";

        Assert.Same(text, InvisibleText.Strip(text));
        Assert.Equal(0, InvisibleText.Count(text));
    }

    [Fact]
    public void Count_CountsWhatStripRemoves()
    {
        const string text = "a\u200Bb\u200Bc\U000E0041";

        Assert.Equal(3, InvisibleText.Count(text));
        Assert.Equal(text.Length - 4, InvisibleText.Strip(text).Length);
    }
}
