namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the admin pages (users, audit log, API keys, settings) (AdminText.resx, AdminText.zh-CN.resx).</summary>
public sealed class AdminText;
