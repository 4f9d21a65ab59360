namespace PuoAiOps.Application.Bot;

/// <summary>The bot's fixed sentences in the user's locale (English unless the locale is Chinese).</summary>
public static class HandoffText
{
    public static string Handoff(string locale) => IsChinese(locale)
        ? "这个问题我暂时无法准确回答，已为你转接人工客服，请稍候，客服会在此对话中回复你。"
        : "I can't answer this one reliably, so I've passed your question to a member of our support team. They will reply here shortly.";

    public static string Abuse(string locale) => IsChinese(locale)
        ? "我们希望每一次交流都互相尊重。已为你转接人工客服。"
        : "We want every conversation to stay respectful. I've passed this conversation to a member of our support team.";

    public static string SourcesIntro(string locale) => IsChinese(locale) ? "参考：" : "Source: ";

    public static bool IsChinese(string locale) => locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
