namespace PuoAiOps.Web.Localization;

/// <summary>
/// Strings of the interactive shell: app bar, navigation, user menu, reconnect and error messages.
/// The texts are in ShellText.resx (English) and ShellText.zh-CN.resx; see docs/localization.md.
/// </summary>
public sealed class ShellText;
