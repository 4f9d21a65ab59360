namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the conversations pages (ConversationsText.resx, ConversationsText.zh-CN.resx).</summary>
public sealed class ConversationsText;
