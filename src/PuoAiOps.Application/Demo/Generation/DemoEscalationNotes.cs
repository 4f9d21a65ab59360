using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// How the demo's closed hand-overs ended and what the person wrote. Chosen from the case's id, not
/// the demo's random stream, so adding them left every other generated figure as it was.
/// </summary>
internal static class DemoEscalationNotes
{
    private static readonly string[] ResolvedEn =
    [
        "Checked the order in the payment console; the top-up was credited by hand and the user confirmed.",
        "Reset the account's sign-in and removed the unknown device; user is back in.",
        "Payout was held for a bank detail mismatch; user corrected it and the payout was released.",
        "Reviewed the report with the safety team; the stream was restricted and the user was told.",
    ];

    private static readonly string[] ResolvedZh =
    [
        "在支付后台核对了订单，已手动补发充值，用户确认到账。",
        "重置了账号登录并移除了陌生设备，用户已恢复登录。",
        "收益因银行信息不一致被暂扣，用户更正后已放款。",
        "与安全团队复核了举报，已限制该直播间并告知用户。",
    ];

    private static readonly string[] UnresolvedEn =
    [
        "User stopped answering after two follow-ups; closed without a fix.",
        "Needs a product change (refunds for gifts are not possible); explained to the user.",
    ];

    private static readonly string[] UnresolvedZh =
    [
        "两次跟进后用户未再回复，未解决即关闭。",
        "需要产品改动（礼物无法退款），已向用户说明。",
    ];

    /// <summary>Four in five closed cases were solved by the person who took them.</summary>
    public static void Close(Escalation escalation, string locale)
    {
        var zh = locale.StartsWith("zh", StringComparison.Ordinal);
        var resolved = escalation.Id % 5 != 0;
        var notes = resolved ? (zh ? ResolvedZh : ResolvedEn) : (zh ? UnresolvedZh : UnresolvedEn);
        escalation.Outcome = resolved ? EscalationOutcome.ResolvedByPerson : EscalationOutcome.NotResolved;
        escalation.ResolutionNote = notes[(int)(escalation.Id / 5 % notes.Length)];
        escalation.ClosedById = escalation.AssigneeId;
    }
}
