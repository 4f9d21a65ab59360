namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the overview (home) page (OverviewText.resx, OverviewText.zh-CN.resx).</summary>
public sealed class OverviewText;
