using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// The retrieval regression suite of the demo SOPs: questions worded the way users ask them, in
/// English and Chinese, each with the SOP that answers it. It passes on the keyword index alone (the
/// console's default), so a change that breaks retrieval of the demo shows as a failed run.
/// </summary>
internal static class RetrievalSuiteBuilder
{
    public const string Name = "Demo SOPs";

    private static readonly (string Query, string? Locale, string Slug)[] Queries =
    [
        ("how do I get a refund for coins I bought", "en", "refund-policy"),
        ("I recharged but the coins never arrived", "en", "recharge-not-credited"),
        ("I was charged twice for the same order", "en", "duplicate-and-unauthorized-charges"),
        ("when do streamers get paid", "en", "payout-schedule"),
        ("my payout failed", "en", "payout-failures"),
        ("how to cancel auto renew", "en", "subscriptions-and-auto-renew"),
        ("my stream keeps lagging and buffering", "en", "stream-lag-troubleshooting"),
        ("I did not receive the verification code", "en", "verification-codes"),
        ("how do I appeal a ban", "en", "ban-appeals"),
        ("delete my account permanently", "en", "account-deletion"),
        ("the app crashes when I open it", "en", "app-crash-and-install"),
        ("充值成功但是金币没到账", "zh-CN", "recharge-not-credited"),
        ("直播卡顿怎么办", "zh-CN", "stream-lag-troubleshooting"),
        ("主播收益什么时候结算", "zh-CN", "payout-schedule"),
        ("账号被盗了怎么找回", "zh-CN", "account-recovery"),
        ("我要举报一个主播", "zh-CN", "report-a-streamer"),
    ];

    public static RetrievalSuite Build(DateTime now) => new()
    {
        Name = Name,
        K = 5,
        IsDemo = true,
        CreatedById = DemoUsers.Curator,
        CreatedAt = now,
        Queries = Queries.Select(q => new RetrievalTestQuery { Query = q.Query, Locale = q.Locale, Expected = [q.Slug] }).ToList(),
    };
}
