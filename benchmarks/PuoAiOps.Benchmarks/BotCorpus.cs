using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Knowledge.Ingestion;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// Synthetic SOP documents on top of the demo's, ingested through the real ingestion service, so the bot's
/// retrieval runs over a large index: fifty sections (one chunk each) per document, as in a long manual, half English, half Chinese,
/// words drawn with a Zipf-like skew from a vocabulary that shares the support domain's common terms (refund,
/// login, 充值…), so posting lists are as long as they would be in a real knowledge base.
/// </summary>
internal static class BotCorpus
{
    private const int SectionsPerDocument = 50;

    private static readonly string[] DomainWords =
        ["refund", "login", "account", "password", "gift", "coins", "recharge", "stream", "live", "payment", "minor", "parent",
         "withdraw", "verify", "phone", "email", "network", "error", "ban", "appeal", "host", "agency", "contract", "income"];

    private static readonly string[] ChineseWords =
        ["退款", "登录", "账号", "密码", "礼物", "金币", "充值", "直播", "支付", "未成年", "家长", "提现", "认证", "手机", "邮箱",
         "网络", "错误", "封禁", "申诉", "主播", "公会", "合同", "收入", "审核", "客服", "订单", "到账", "失败", "设置", "版本"];

    public static async Task SeedAsync(IServiceProvider provider, int chunks)
    {
        var documents = Math.Max(1, chunks / SectionsPerDocument);
        var random = new Random(42);
        var english = Enumerable.Range(0, 3000).Select(i => Word(random, i)).Concat(DomainWords).ToArray();
        var chinese = ChineseWords.Concat(Enumerable.Range(0, 1500).Select(_ => ChineseWord(random))).ToArray();
        var clock = Stopwatch.StartNew();
        for (var d = 0; d < documents; d++)
        {
            var zh = d % 2 == 1;
            var markdown = Document(random, d, zh ? chinese : english, zh);
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<KnowledgeIngestionService>().IngestAsync(
                new DocumentUpload($"bench-sop-{d:D5}.md", Encoding.UTF8.GetBytes(markdown), "benchmark", Locale: zh ? "zh-CN" : "en"));
            if ((d + 1) % 100 == 0) Console.WriteLine($"  {d + 1:N0} of {documents:N0} documents ingested ({clock.Elapsed.TotalSeconds:0} s)");
        }
        Console.WriteLine($"{documents:N0} synthetic SOP documents ({documents * SectionsPerDocument:N0} sections) ingested in {clock.Elapsed.TotalSeconds:0} s");
    }

    private static string Document(Random random, int number, string[] vocabulary, bool zh)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(zh ? "操作规范 " : "Procedure ").Append(number).Append("\n\n");
        for (var s = 0; s < SectionsPerDocument; s++)
        {
            text.Append("## ").Append(Pick(random, vocabulary)).Append(' ').Append(Pick(random, vocabulary)).Append(' ').Append(s + 1).Append("\n\n");
            var words = random.Next(50, 110);
            for (var w = 0; w < words; w++)
            {
                text.Append(Pick(random, vocabulary));
                text.Append(zh ? (w % 12 == 11 ? "。" : "") : (w % 14 == 13 ? ". " : " "));
            }
            text.Append("\n\n");
        }
        return text.ToString();
    }

    /// <summary>A skewed pick: low indexes (and the domain words placed first for Chinese) come up far more often.</summary>
    private static string Pick(Random random, string[] vocabulary) =>
        vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 2.5))];

    private static string Word(Random random, int seed)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        var length = 3 + seed % 7;
        return string.Create(length, random, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = letters[r.Next(letters.Length)]; });
    }

    private static string ChineseWord(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => (char)random.Next(0x4E00, 0x9FA5)));
}
