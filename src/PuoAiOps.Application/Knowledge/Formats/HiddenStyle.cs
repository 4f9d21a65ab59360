using System.Globalization;
using AngleSharp.Dom;

namespace PuoAiOps.Application.Knowledge.Formats;

/// <summary>
/// Decides whether an HTML element is invisible to a reader: hidden by attribute, by inline style
/// (display:none, visibility:hidden, opacity:0, font-size:0, zero size with overflow hidden, pushed
/// off-screen) or by colour (text the same colour as its background: white-on-white). Inline
/// styles and presentational attributes only; documents with stylesheets are sanitised anyway.
/// </summary>
internal static class HiddenStyle
{
    private static readonly HashSet<string> NeverVisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "head", "title", "meta", "link", "iframe", "object", "embed", "svg", "canvas", "input", "select", "textarea", "button",
    };

    public static bool IsHidden(IElement element, Rgb background)
    {
        if (NeverVisible.Contains(element.LocalName)) return true;
        if (element.HasAttribute("hidden")) return true;
        if (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = Declarations(element.GetAttribute("style"));
        if (Is(style, "display", "none") || Is(style, "visibility", "hidden") || Is(style, "visibility", "collapse")) return true;
        if (style.TryGetValue("opacity", out var opacity) && Number(opacity) is { } o && o <= 0.05) return true;
        if (style.TryGetValue("font-size", out var size) && Number(size) is { } s && s <= 0.5) return true;
        if (Is(style, "overflow", "hidden") && (Zero(style, "height") || Zero(style, "max-height") || Zero(style, "width") || Zero(style, "max-width"))) return true;
        if (OffScreen(style, "text-indent") || OffScreen(style, "left") || OffScreen(style, "top") || OffScreen(style, "margin-left")) return true;
        if (style.TryGetValue("clip", out var clip) && clip.Replace(" ", "", StringComparison.Ordinal).StartsWith("rect(0", StringComparison.OrdinalIgnoreCase)) return true;
        var color = TextColor(element, style);
        if (color is { } c && (c.IsTransparent || c.CloseTo(background))) return true;
        return false;
    }

    /// <summary>The background an element paints for its descendants, or the inherited one.</summary>
    public static Rgb Background(IElement element, Rgb inherited)
    {
        var style = Declarations(element.GetAttribute("style"));
        var value = style.GetValueOrDefault("background-color") ?? style.GetValueOrDefault("background") ?? element.GetAttribute("bgcolor");
        if (value is null) return inherited;
        // "background: #fff url(x.png)" → the first token that is a colour.
        foreach (var part in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (Rgb.TryParse(part, out var color) && !color.IsTransparent) return color;
        return inherited;
    }

    private static Rgb? TextColor(IElement element, Dictionary<string, string> style)
    {
        var value = style.GetValueOrDefault("color") ?? (element.LocalName == "font" ? element.GetAttribute("color") : null);
        return value is not null && Rgb.TryParse(value, out var color) ? color : null;
    }

    internal static Dictionary<string, string> Declarations(string? style)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(style)) return result;
        foreach (var declaration in style.Split(';'))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var value = declaration[(colon + 1)..].Replace("!important", "", StringComparison.OrdinalIgnoreCase).Trim();
            result[declaration[..colon].Trim()] = value;
        }
        return result;
    }

    private static bool Is(Dictionary<string, string> style, string property, string value) =>
        style.TryGetValue(property, out var v) && string.Equals(v, value, StringComparison.OrdinalIgnoreCase);

    private static bool Zero(Dictionary<string, string> style, string property) =>
        style.TryGetValue(property, out var v) && Number(v) is { } n && n <= 1;

    private static bool OffScreen(Dictionary<string, string> style, string property) =>
        style.TryGetValue(property, out var v) && Number(v) is { } n && n <= -500;

    /// <summary>The leading number of a CSS length or opacity ("0px", "-9999px", "0.0", "0%"), or null.</summary>
    private static double? Number(string value)
    {
        var end = 0;
        while (end < value.Length && (char.IsDigit(value[end]) || value[end] is '.' or '-' or '+')) end++;
        return end > 0 && double.TryParse(value.AsSpan(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
