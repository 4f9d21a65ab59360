using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Core.Tests.Redaction;

/// <summary>One behaviour per test for each detector; the corpus covers breadth.</summary>
public sealed class DetectorTests
{
    private static string R(string text) => PiiRedactor.Default.RedactText(text);

    [Theory]
    [InlineData("pay 4111 1111 1111 1111 now", "pay <CARD> now")]
    [InlineData("pay 4111-1111-1111-1111", "pay <CARD>")]
    [InlineData("amex 3782 822463 10005.", "amex <CARD>.")]
    [InlineData("卡号6212261202011584340退款", "卡号<CARD>退款")]
    [InlineData("card 4111111111111111 12/27", "card <CARD> 12/27")]
    public void Redact_MasksLuhnValidCardNumbers(string input, string expected) => Assert.Equal(expected, R(input));

    [Theory]
    [InlineData("pay 4111 1111 1111 1112 now")] // Luhn fails
    [InlineData("serial 1234567890123452")] // Luhn passes but no card network issues 1xxx
    [InlineData("id 20240518123456789")] // timestamp-like, 2024 is outside the 2-series ranges
    [InlineData("4111 11111111 1111")] // not a printed card layout
    [InlineData("x4111111111111111")] // glued to a word
    [InlineData("Order #4111111111111111")] // labelled as an order
    public void Redact_LeavesNonCardNumbers(string input) => Assert.Equal(input, R(input));

    [Theory]
    [InlineData("身份证11010519491231002X", "身份证<ID_NUMBER>")]
    [InlineData("ID 110105 19491231 002X ok", "ID <ID_NUMBER> ok")]
    public void Redact_MasksChineseIdNumbers(string input, string expected) => Assert.Equal(expected, R(input));

    [Theory]
    [InlineData("身份证110105194912310021")] // bad check digit
    [InlineData("身份证990105194912310023")] // no province 99
    [InlineData("身份证110105194913310029")] // month 13
    public void Redact_RejectsImplausibleIdNumbers(string input) => Assert.Equal(input, R(input));

    [Fact]
    public void Redact_RejectsIdNumbersBornInTheFuture()
    {
        var past = new PiiRedactor([], timeProvider: new FixedTime(new DateTimeOffset(1949, 12, 30, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("身份证11010519491231002X", past.RedactText("身份证11010519491231002X"));
    }

    [Theory]
    [InlineData("call +44 20 7946 0958.", "call <PHONE>.")]
    [InlineData("call +1 (415) 555-2671", "call <PHONE>")]
    [InlineData("手机13800138000", "手机<PHONE>")]
    [InlineData("手机 138 0013 8000 谢谢", "手机 <PHONE> 谢谢")]
    [InlineData("手机 +86 138-0013-8000", "手机 <PHONE>")]
    [InlineData("手机 0086 13800138000", "手机 <PHONE>")]
    [InlineData("手机 8613800138000", "手机 <PHONE>")]
    [InlineData("座机 010-62345678", "座机 <PHONE>")]
    [InlineData("(415) 555-2671 anytime", "<PHONE> anytime")]
    [InlineData("电话：１３９１２３４５６７８", "电话：<PHONE>")]
    public void Redact_MasksPhoneNumbers(string input, string expected) => Assert.Equal(expected, R(input));

    [Theory]
    [InlineData("score 5+3 = 8")]
    [InlineData("room 12345678")]
    [InlineData("订单号 13800138000")]
    [InlineData("12800138000 is not a mobile prefix")]
    [InlineData("+12 345")]
    public void Redact_LeavesNonPhoneNumbers(string input) => Assert.Equal(input, R(input));

    [Theory]
    [InlineData("mail a.b+tag@sub.example.co.uk.", "mail <EMAIL>.")]
    [InlineData("邮箱zhang@qq.com谢谢", "邮箱<EMAIL>谢谢")]
    [InlineData("full-width zhang＠qq.com", "full-width <EMAIL>")]
    public void Redact_MasksEmails(string input, string expected) => Assert.Equal(expected, R(input));

    [Theory]
    [InlineData("user@localhost")]
    [InlineData("@主播 hi")]
    [InlineData("a@b.c")]
    public void Redact_LeavesNonEmails(string input) => Assert.Equal(input, R(input));

    [Theory]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00.", "IBAN <IBAN>.")]
    [InlineData("GB82WEST12345698765432", "<IBAN>")]
    [InlineData("DE88370400440532013000", "DE88370400440532013000")]
    [InlineData("XX89370400440532013000", "XX89370400440532013000")]
    public void Redact_MasksOnlyChecksummedIbans(string input, string expected) => Assert.Equal(expected, R(input));

    [Theory]
    [InlineData("from 192.168.0.1:8080", "from <IP>:8080")]
    [InlineData("v6 2001:db8::ff00:42:8329 here", "v6 <IP> here")]
    [InlineData("full 2001:0db8:85a3:0000:0000:8a2e:0370:7334", "full <IP>")]
    [InlineData("mapped ::ffff:192.0.2.128", "mapped <IP>")]
    [InlineData("at 12:30:45", "at 12:30:45")]
    [InlineData("version 1.2.3.4.5", "version 1.2.3.4.5")]
    [InlineData("bad 256.1.1.1", "bad 256.1.1.1")]
    [InlineData("mac 00:1A:2B:3C:4D:5E", "mac 00:1A:2B:3C:4D:5E")]
    public void Redact_MasksIpAddresses(string input, string expected) => Assert.Equal(expected, R(input));

    [Theory]
    [InlineData("go https://x.example.com/r?token=abc now", "go <URL> now")]
    [InlineData("(https://x.example.com/r?a=1&Access_Token=abc)", "(<URL>)")]
    [InlineData("https://u:p@x.example.com/", "<URL>")]
    [InlineData("see https://x.example.com/faq?id=3", "see https://x.example.com/faq?id=3")]
    [InlineData("see https://x.example.com/faq?token=", "see https://x.example.com/faq?token=")]
    [InlineData("ask https://x.example.com/?author=me", "ask https://x.example.com/?author=me")]
    public void Redact_MasksUrlsCarryingCredentials(string input, string expected) => Assert.Equal(expected, R(input));

    [Fact]
    public void Redact_MasksEmailInsideAPlainUrl() =>
        Assert.Equal("https://x.example.com/u?mail=<EMAIL>", R("https://x.example.com/u?mail=a@b.com"));

    [Fact]
    public void Redact_CountsEachKind()
    {
        var result = PiiRedactor.Default.Redact("a@b.com, c@d.org, 13800138000, 4111111111111111, 10.0.0.1");
        Assert.Equal("<EMAIL>, <EMAIL>, <PHONE>, <CARD>, <IP>", result.Text);
        Assert.Equal(2, result.Count(PiiType.Email));
        Assert.Equal(1, result.Count(PiiType.Phone));
        Assert.Equal(1, result.Count(PiiType.Card));
        Assert.Equal(1, result.Count(PiiType.Ip));
        Assert.Equal(0, result.Count(PiiType.Iban));
        Assert.Equal(5, result.Total);
    }

    [Fact]
    public void Redact_ReturnsSameInstanceWithoutAllocatingWhenNothingMatches()
    {
        var text = "我的礼物没有到账，充值了 648 钻石，时间 12:30，请帮忙查一下 thanks";
        for (var i = 0; i < 1000; i++) PiiRedactor.Default.Redact(text); // past tiered compilation
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = PiiRedactor.Default.Redact(text);
        for (var i = 0; i < 99; i++) PiiRedactor.Default.Redact(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Same(text, result.Text);
        Assert.False(result.Changed);
        Assert.Equal(0, allocated);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
