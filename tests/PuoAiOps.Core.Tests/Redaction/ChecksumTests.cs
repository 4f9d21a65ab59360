using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Core.Tests.Redaction;

public sealed class ChecksumTests
{
    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("5500-0000-0000-0004", true)]
    [InlineData("378282246310005", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("1234567812345678", false)]
    [InlineData("0", false)]
    public void IsLuhnValid_MatchesKnownNumbers(string number, bool valid) =>
        Assert.Equal(valid, Checksums.IsLuhnValid(number));

    [Theory]
    [InlineData("11010519491231002X", true)] // the worked example of GB 11643
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("11010519491231002", false)]
    [InlineData("1101051949123100AX", false)]
    public void IsChineseIdChecksumValid_FollowsMod11_2(string id, bool valid) =>
        Assert.Equal(valid, Checksums.IsChineseIdChecksumValid(id));

    [Theory]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("DE89 3704 0044 0532 0130 00", true)]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("gb82west12345698765432", true)]
    [InlineData("NO9386011117947", true)]
    [InlineData("DE88370400440532013000", false)]
    [InlineData("GB82WEST12345698765433", false)]
    [InlineData("DE89-3704", false)]
    public void IsIbanChecksumValid_UsesMod97(string iban, bool valid) =>
        Assert.Equal(valid, Checksums.IsIbanChecksumValid(iban));
}
