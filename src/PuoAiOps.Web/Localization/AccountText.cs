namespace PuoAiOps.Web.Localization;

/// <summary>
/// Strings of the pages people see outside the console: sign-in, first-run setup and the status pages
/// (403, 404, 400, 429, 500). AccountText.resx (English) and AccountText.zh-CN.resx.
/// </summary>
public sealed class AccountText;
