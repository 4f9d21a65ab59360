using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// What the chat load sends: the six sample questions (script, SOP and handoff answers, English and Chinese), then
/// <c>--questions</c> distinct questions of the demo workspace spread over its whole set, so that nothing the server
/// keeps in memory is measured on six texts repeated. Each body is kept as the JSON that follows the user id, so a
/// generator can put a fresh user id in front of it: <c>{"user_id":"u</c> + n + <see cref="Rests"/>[i].
/// </summary>
internal sealed class ChatLoadQuestions
{
    public const string Prefix = """{"user_id":"u""";

    private static readonly (string Message, string Locale, string Channel)[] Samples =
    [
        ("I can't log in on my iPhone, it says network error", "en", "app"),
        ("登录的时候一直提示账号不存在，可是我昨天还能登", "zh-CN", "app"),
        ("my son spent 50 dollars on gifts without my permission, can I get a refund for a minor", "en", "web"),
        ("孩子偷偷充值了怎么退款，未成年人充值退款", "zh-CN", "app"),
        ("what's the weather going to be like in Paris tomorrow", "en", "app"),
        ("明天巴黎天气怎么样", "zh-CN", "web"),
    ];

    public IReadOnlyList<string> Rests { get; }

    private ChatLoadQuestions(IReadOnlyList<string> rests) => Rests = rests;

    public string Body(int n) => Prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + Rests[n % Rests.Count];

    /// <summary>The samples and up to <paramref name="distinct"/> demo questions (0: the samples alone).</summary>
    public static async Task<ChatLoadQuestions> LoadAsync(IServiceProvider services, int distinct)
    {
        var picked = new List<(string Message, string Locale, string Channel)>(Samples);
        if (distinct > 0)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var all = await db.Questions.AsNoTracking().Where(q => q.Locale == "en" || q.Locale == "zh-CN")
                .OrderBy(q => q.Id).Select(q => new { q.Text, q.Locale }).ToListAsync();
            var texts = all.Where(q => q.Text.Length is > 0 and <= 400).DistinctBy(q => q.Text).ToList();
            var step = Math.Max(1.0, texts.Count / (double)distinct);
            for (var i = 0.0; i < texts.Count && picked.Count < Samples.Length + distinct; i += step)
            {
                var q = texts[(int)i];
                picked.Add((q.Text, q.Locale!, picked.Count % 2 == 0 ? "app" : "web"));
            }
        }
        // The values a channel platform knows about its user, so that scripts with placeholders can be sent.
        var context = new Dictionary<string, string> { ["user_name"] = "Alex", ["ticket_id"] = "T-20418", ["order_id"] = "O-99172", ["app_version"] = "5.2.1" };
        return new ChatLoadQuestions(picked.Select(q => "\"," + JsonSerializer.Serialize(new { message = q.Message, locale = q.Locale, channel = q.Channel, context })[1..]).ToList());
    }
}
