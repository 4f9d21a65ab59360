using System.Text;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Core.Tests.Redaction;

/// <summary>
/// Random texts made of the characters the detectors react to: redaction runs on every imported row,
/// so no input may make it throw, and every replaced span must be reported in the counts.
/// </summary>
public sealed class RedactionFuzzTests
{
    private const string Alphabet = "0123456789０１２３４５６７８９    -.:+()@＠#/?&=_abcdefxXDEGBuid订单号手机，。\t\n";
    private static readonly string[] Pieces =
    [
        "4111 1111 1111 1111", "13800138000", "+86 ", "11010519491231002X", "DE89370400440532013000", "192.168.", "2001:db8::",
        "https://", "www.", "?token=", "a@b.com", "Order #", "订单号", "uid:", "(415) ", "::ffff:", "0086", "-", " ",
    ];

    [Fact]
    public void Redact_NeverThrowsAndCountsEveryMarker()
    {
        var random = new Random(20240518);
        var redactor = new PiiRedactor([new CustomPiiPattern("user_id", @"uid:\d{6,12}")]);
        var sb = new StringBuilder();
        for (var n = 0; n < 20_000; n++)
        {
            sb.Clear();
            var length = random.Next(0, 60);
            while (sb.Length < length)
            {
                if (random.Next(4) == 0) sb.Append(Pieces[random.Next(Pieces.Length)]);
                else sb.Append(Alphabet[random.Next(Alphabet.Length)]);
            }
            var text = sb.ToString();
            var result = redactor.Redact(text);
            var markers = CountMarkers(result.Text) - CountMarkers(text);
            Assert.True(markers == result.Total, $"'{text}' -> '{result.Text}' reports {result.Total} replacements, shows {markers}");
            Assert.Equal(result.Changed, result.Total > 0);
        }
    }

    private static int CountMarkers(string text)
    {
        var count = 0;
        foreach (var marker in new[] { "<EMAIL>", "<PHONE>", "<CARD>", "<ID_NUMBER>", "<IBAN>", "<IP>", "<URL>", "<USER_ID>" })
            for (var i = text.IndexOf(marker, StringComparison.Ordinal); i >= 0; i = text.IndexOf(marker, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
