namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the dashboards, reports and answer-grading pages (MetricsText.resx, MetricsText.zh-CN.resx).</summary>
public sealed class MetricsText;
