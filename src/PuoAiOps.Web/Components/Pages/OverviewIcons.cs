using MudBlazor;

namespace PuoAiOps.Web.Components.Pages;

/// <summary>The overview's area cards in MudBlazor's icon set (the navigation keeps its own).</summary>
public static class OverviewIcons
{
    public static string For(string href) => href switch
    {
        "/annotate" => Icons.Material.Filled.FactCheck,
        "/taxonomy" => Icons.Material.Filled.AccountTree,
        "/questions" => Icons.Material.Filled.FormatQuote,
        "/classifier" => Icons.Material.Filled.Memory,
        "/scripts" => Icons.Material.Filled.Chat,
        "/knowledge" => Icons.Material.Filled.MenuBook,
        "/playground" => Icons.Material.Filled.SmartToy,
        "/conversations" => Icons.Material.Filled.Forum,
        "/dashboards" => Icons.Material.Filled.Speed,
        "/reports" => Icons.Material.Filled.Assessment,
        "/escalations" => Icons.Material.Filled.Flag,
        "/admin" => Icons.Material.Filled.AdminPanelSettings,
        _ => Icons.Material.Filled.Dashboard,
    };
}
