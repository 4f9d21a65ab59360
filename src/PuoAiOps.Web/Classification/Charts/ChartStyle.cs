namespace PuoAiOps.Web.Classification.Charts;

/// <summary>Colours and text style shared by the classifier charts (the console theme's brand, good and bad).</summary>
internal static class ChartStyle
{
    public const string Brand = "#4338ca";
    public const string Good = "#12b76a";
    public const string Bad = "#f04438";
    public const string Muted = "#667085";

    public static readonly object Text = new { fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans CJK SC', sans-serif", color = "#1f2330" };

    /// <summary>Long intent names cut for an axis (the tooltip carries the whole name).</summary>
    public static string Short(string text) => text.Length <= 24 ? text : text[..23] + "…";
}
