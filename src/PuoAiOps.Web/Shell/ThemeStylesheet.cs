using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MudBlazor;
using PuoAiOps.Web.Components.Shell;

namespace PuoAiOps.Web.Shell;

/// <summary>
/// The console theme's CSS variables (<see cref="ConsoleTheme"/>) as a stylesheet, for the static pages
/// (sign-in, setup, status pages). Interactive pages get the same variables from MudThemeProvider as an
/// inline &lt;style&gt; element, which the static pages' CSP (no inline style) refuses; served from
/// <see cref="Path"/> instead, the static pages keep that CSP and still look like the console.
/// Built once from MudBlazor's own generator, so both kinds of page always agree.
/// </summary>
public sealed partial class ThemeStylesheet
{
    public const string Path = "/theme.css";

    public ThemeStylesheet()
    {
        Css = StyleElement().Replace(new Generator().Build(ConsoleTheme.Light), "").Trim();
        Url = $"{Path}?v={Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))[..12]}";
    }

    public string Css { get; }

    /// <summary>The stylesheet's address with a content hash, so browsers may cache it until the theme changes.</summary>
    public string Url { get; }

    [GeneratedRegex("</?style[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    /// <summary>MudBlazor's theme provider, used only for the text of its theme element (never rendered).</summary>
    private sealed class Generator : MudThemeProvider
    {
        public string Build(MudTheme theme)
        {
#pragma warning disable BL0005 // a parameter set outside rendering: this instance is never rendered, only asked for its CSS
            Theme = theme;
#pragma warning restore BL0005
            return BuildTheme();
        }
    }
}

public static class ThemeStylesheetEndpoints
{
    /// <summary>GET /theme.css: public (it holds only colours and sizes), cached like the files under wwwroot.</summary>
    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ThemeStylesheet.Path, (ThemeStylesheet theme, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(theme.Css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
