using System.Globalization;
using System.Text;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// Writes a reproducible question file (fixed seed) shaped like a support export: English and
/// Chinese questions about gifts, coins, streams and accounts; about 8% carry personal data
/// (e-mails, phones, cards, IPs, token links), about 3% repeat an earlier question, and about
/// 0.5% are bad rows (no text, bad date). Rows are in time order (one every ~30 s), like an export.
/// </summary>
internal static class ImportFileGenerator
{
    public const int Seed = 20240518;

    private static readonly string[] English =
    [
        "why did my {0} not arrive after I sent it to streamer {1}?",
        "I recharged {2} coins but my balance only shows {3}",
        "how do I withdraw my earnings of {2} to my bank account? account {1}",
        "my live stream keeps buffering at {4}p on {5}, room {1}",
        "can't log in on {5}, the app says error {6}",
        "how much does the level {7} membership cost per month? my id is {1}",
        "streamer {1} banned me from the chat for no reason, appeal #{6}",
        "the {0} animation froze my phone ({5}) during the PK battle in room {1}",
        "I was charged twice for {2} coins yesterday, receipt {6}",
        "how do I turn off auto-renew for membership level {7}? account {1}",
    ];

    private static readonly string[] Chinese =
    [
        "我送给主播{1}的{0}没有到账",
        "充值了{2}金币但是余额只显示{3}",
        "直播一直卡顿，{5}上{4}P画质转圈，房间号{1}",
        "怎么把{2}收益提现到银行卡，账号{1}",
        "{5}上账号登录不了，提示错误码{6}",
        "开通{7}级会员每月多少钱，我的ID是{1}",
        "主播{1}无故把我禁言了，申诉编号{6}",
        "PK的时候{0}特效导致{5}闪退，房间{1}",
        "昨天{2}金币被扣了两次，凭证{6}",
        "{7}级会员怎么取消自动续费，账号{1}",
    ];

    private static readonly string[] Gifts = ["rocket", "rose", "sports car", "castle", "火箭", "玫瑰", "跑车", "城堡", "carnival", "love letter"];
    private static readonly string[] Devices = ["iPhone 15", "Pixel 8", "华为 Mate 60", "小米 14", "iPad", "Galaxy S24", "OPPO Find X7", "PC"];
    private static readonly string[] Channels = ["app", "web", "h5", "mini"];
    private static readonly string[] Domains = ["qq.com", "163.com", "gmail.com", "outlook.com", "example.com"];

    public static void Write(string path, int rows)
    {
        var random = new Random(Seed);
        var recent = new string[256];
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("text,external_id,user_id,channel,locale,created_at,source\n");
        var text = new StringBuilder(256);
        for (var i = 0; i < rows; i++)
        {
            var roll = random.Next(1000);
            var chinese = random.Next(2) == 0;
            text.Clear();
            if (roll < 30 && i > 256)
                text.Append(recent[random.Next(recent.Length)]);
            else
            {
                var templates = chinese ? Chinese : English;
                text.AppendFormat(CultureInfo.InvariantCulture, templates[random.Next(templates.Length)],
                    Gifts[random.Next(Gifts.Length)], random.Next(100_000, 99_999_999), random.Next(6, 500_000), random.Next(0, 6_000),
                    random.Next(2) == 0 ? 720 : 1080, Devices[random.Next(Devices.Length)], random.Next(10_000, 99_999_999), random.Next(1, 60));
                if (roll >= 950) AppendPii(text, random, chinese);
            }
            var question = text.ToString();
            recent[i % recent.Length] = question;
            // Exports come out in time order; a little jitter keeps rows from being strictly sorted.
            var createdAt = start.AddSeconds((i * 30L) + random.Next(0, 600));
            var date = roll == 999 ? "not-a-date" : createdAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            writer.Write('"');
            if (roll != 998) writer.Write(question.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
            writer.Write(string.Create(CultureInfo.InvariantCulture, $",q-{i},u{random.Next(1, 200_000)},{Channels[random.Next(Channels.Length)]},{(chinese ? "zh-CN" : "en")},{date},bench\n"));
        }
    }

    private static void AppendPii(StringBuilder text, Random random, bool chinese)
    {
        switch (random.Next(5))
        {
            case 0:
                text.Append(chinese ? "，邮箱" : ", my email is ").Append("user").Append(random.Next(1_000_000)).Append('@').Append(Domains[random.Next(Domains.Length)]);
                break;
            case 1:
                text.Append(chinese ? "，手机" : ", call me at ").Append('1').Append(random.Next(3, 10)).Append(random.Next(100_000_000, 999_999_999));
                break;
            case 2:
                text.Append(chinese ? "，卡号" : ", card ").Append(LuhnCard(random));
                break;
            case 3:
                text.Append(chinese ? "，IP " : ", from IP ").Append(random.Next(1, 224)).Append('.').Append(random.Next(256)).Append('.').Append(random.Next(256)).Append('.').Append(random.Next(1, 255));
                break;
            default:
                text.Append(chinese ? "，链接 " : ", link ").Append("https://live.example.com/reset?token=").Append(random.NextInt64().ToString("x", CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string LuhnCard(Random random)
    {
        Span<int> digits = stackalloc int[16];
        digits[0] = 4;
        for (var k = 1; k < 15; k++) digits[k] = random.Next(10);
        var sum = 0;
        for (var k = 14; k >= 0; k--)
        {
            var d = digits[k];
            if ((14 - k) % 2 == 0) d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            sum += d;
        }
        digits[15] = (10 - (sum % 10)) % 10;
        var sb = new StringBuilder(19);
        for (var k = 0; k < 16; k++)
        {
            if (k > 0 && k % 4 == 0) sb.Append(' ');
            sb.Append((char)('0' + digits[k]));
        }
        return sb.ToString();
    }
}
