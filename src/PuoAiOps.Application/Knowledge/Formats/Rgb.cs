using System.Globalization;

namespace PuoAiOps.Application.Knowledge.Formats;

/// <summary>A CSS colour reduced to what hidden-text detection needs: RGB and whether it is transparent.</summary>
internal readonly record struct Rgb(int R, int G, int B, bool IsTransparent = false)
{
    public static readonly Rgb White = new(255, 255, 255);

    private static readonly Dictionary<string, Rgb> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["white"] = White, ["black"] = new(0, 0, 0), ["snow"] = new(255, 250, 250), ["ivory"] = new(255, 255, 240),
        ["whitesmoke"] = new(245, 245, 245), ["ghostwhite"] = new(248, 248, 255), ["floralwhite"] = new(255, 250, 240),
        ["red"] = new(255, 0, 0), ["green"] = new(0, 128, 0), ["blue"] = new(0, 0, 255), ["gray"] = new(128, 128, 128),
        ["grey"] = new(128, 128, 128), ["silver"] = new(192, 192, 192), ["yellow"] = new(255, 255, 0),
        ["transparent"] = new(0, 0, 0, IsTransparent: true),
    };

    /// <summary>Near-identical colours count as the same: #fefefe text on white is as unreadable as #fff.</summary>
    public bool CloseTo(Rgb other) => Math.Abs(R - other.R) + Math.Abs(G - other.G) + Math.Abs(B - other.B) <= 30;

    public static bool TryParse(string value, out Rgb color)
    {
        value = value.Trim();
        if (Named.TryGetValue(value, out color)) return true;
        if (value.StartsWith('#')) return TryHex(value[1..], out color);
        if (value.StartsWith("rgb", StringComparison.OrdinalIgnoreCase)) return TryFunction(value, out color);
        color = default;
        return false;
    }

    private static bool TryHex(string hex, out Rgb color)
    {
        color = default;
        if (hex.Length is 3 or 4) hex = string.Concat(hex.Select(c => new string(c, 2)));
        if (hex.Length is not (6 or 8) || !int.TryParse(hex.AsSpan(0, 6), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)) return false;
        var transparent = hex.Length == 8 && hex[6..].Equals("00", StringComparison.Ordinal);
        color = new Rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, transparent);
        return true;
    }

    private static bool TryFunction(string value, out Rgb color)
    {
        color = default;
        var open = value.IndexOf('(', StringComparison.Ordinal);
        var close = value.LastIndexOf(')');
        if (open < 0 || close <= open) return false;
        var parts = value[(open + 1)..close].Split([',', ' ', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) return false;
        var channels = new int[3];
        for (var i = 0; i < 3; i++)
            if (!double.TryParse(parts[i].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var c)) return false;
            else channels[i] = (int)Math.Round(parts[i].EndsWith('%') ? c * 2.55 : c);
        var alpha = parts.Length > 3 && double.TryParse(parts[3].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var a) ? a : 1;
        color = new Rgb(channels[0], channels[1], channels[2], alpha <= 0.05);
        return true;
    }
}
