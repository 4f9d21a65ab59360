namespace PuoAiOps.Web.Components.Annotation.Charts;

/// <summary>The console's chart colours (brand indigo, soft indigo, teal for speed, the item-state colours of the progress bar).</summary>
internal static class ChartColors
{
    public const string Brand = "#4338ca";
    public const string Soft = "#a5b4fc";
    public const string Speed = "#0e9384";
    public const string Warn = "#f79009";
    public const string Good = "#12b76a";
    public const string Bad = "#f04438";
    public const string Muted = "#d0d5dd";

    public static double? Pct(double? rate) => rate is { } r && !double.IsNaN(r) ? Math.Round(r * 100, 1) : null;
}
