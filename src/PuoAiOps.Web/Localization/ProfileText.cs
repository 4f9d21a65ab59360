namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the "My profile" page (ProfileText.resx, ProfileText.zh-CN.resx).</summary>
public sealed class ProfileText;
