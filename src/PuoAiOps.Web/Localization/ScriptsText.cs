namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the reply-script pages (ScriptsText.resx, ScriptsText.zh-CN.resx).</summary>
public sealed class ScriptsText;
