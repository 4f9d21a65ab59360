namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the shared intent picker (Components/Shared/Intents; IntentText.resx, IntentText.zh-CN.resx).</summary>
public sealed class IntentText;
