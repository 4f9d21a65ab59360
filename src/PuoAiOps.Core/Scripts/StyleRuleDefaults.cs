namespace PuoAiOps.Core.Scripts;

/// <summary>
/// The rules a workspace starts with, per locale and channel. Chat replies are short and need no
/// closing; e-mail is longer and signs off. Banned phrases cover the three things that hurt most in
/// support replies: blaming the user, internal jargon, and promises the team cannot keep.
/// </summary>
public static class StyleRuleDefaults
{
    public const string HelpDomain = "help.puo.example";

    public static StyleRules For(string locale, string channel)
    {
        var zh = ScriptLocales.IsChinese(locale);
        var rules = zh ? Chinese : English;
        return channel switch
        {
            ScriptChannels.Email => rules with { MaxLength = zh ? 1500 : 3000, RequireClosing = true },
            ScriptChannels.InApp => rules with { MaxLength = zh ? 400 : 800 },
            _ => rules,
        };
    }

    private static readonly StyleRules English = new()
    {
        MaxLength = 1200,
        MaxSentenceLength = 40,
        Greetings = ["hi", "hello", "dear", "thanks for reaching out", "thank you for contacting"],
        GreetingTemplate = "Hi {{user_name}},",
        Closings = ["let us know", "thank you", "thanks", "happy to help", "anything else", "best regards", "kind regards"],
        ClosingTemplate = "If there's anything else, just let us know.",
        BannedPhrases =
        [
            new("your fault", BannedPhraseKind.Blame, "an issue"),
            new("you should have", BannedPhraseKind.Blame, "next time you can"),
            new("you failed to", BannedPhraseKind.Blame, "it looks like you didn't"),
            new("obviously", BannedPhraseKind.Blame, ""),
            new("ticket", BannedPhraseKind.Jargon, "request"),
            new("backend", BannedPhraseKind.Jargon, "our system"),
            new("L2", BannedPhraseKind.Jargon, "our specialist team"),
            new("SLA", BannedPhraseKind.Jargon, "time frame"),
            new("guarantee", BannedPhraseKind.Promise, "aim to"),
            new("guaranteed", BannedPhraseKind.Promise, "expected"),
            new("we promise", BannedPhraseKind.Promise, "we aim"),
            new("100%", BannedPhraseKind.Promise, null),
        ],
        Glossary =
        [
            new("top up", "recharge"), new("top-up", "recharge"), new("e-mail", "email"),
            new("anchor", "streamer"), new("diamonds", "coins"), new("livestream", "live stream"),
        ],
        AllowedLinkDomains = [HelpDomain, "puo.example"],
    };

    private static readonly StyleRules Chinese = new()
    {
        MaxLength = 600,
        MaxSentenceLength = 80,
        Greetings = ["您好", "你好", "亲爱的", "感谢您的联系"],
        GreetingTemplate = "{{user_name}}您好，",
        Closings = ["感谢", "谢谢", "如有其他问题", "祝您", "随时联系"],
        ClosingTemplate = "如有其他问题，欢迎随时联系我们。",
        BannedPhrases =
        [
            new("你的错", BannedPhraseKind.Blame, "这个问题"),
            new("您的错", BannedPhraseKind.Blame, "这个问题"),
            new("你应该早点", BannedPhraseKind.Blame, "下次可以"),
            new("技术侧", BannedPhraseKind.Jargon, "技术团队"),
            new("后台", BannedPhraseKind.Jargon, "系统"),
            new("二线", BannedPhraseKind.Jargon, "专员"),
            new("保证", BannedPhraseKind.Promise, "尽力"),
            new("承诺", BannedPhraseKind.Promise, "尽力"),
            new("百分之百", BannedPhraseKind.Promise, null),
        ],
        Glossary = [new("登陆", "登录"), new("帐号", "账号"), new("充币", "充值"), new("钻石", "金币")],
        AllowedLinkDomains = [HelpDomain, "puo.example"],
    };
}
