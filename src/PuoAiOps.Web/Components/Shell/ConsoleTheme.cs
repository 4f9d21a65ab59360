using MudBlazor;

namespace PuoAiOps.Web.Components.Shell;

/// <summary>The console's colours on MudBlazor; the static pages get the same through /theme.css (Web/Shell/ThemeStylesheet).</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Light = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4f46e5",
            Secondary = "#0f766e",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2937",
            Background = "#f7f7fb",
            DrawerBackground = "#ffffff",
        },
    };
}
