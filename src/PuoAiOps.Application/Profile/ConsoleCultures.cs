namespace PuoAiOps.Application.Profile;

/// <summary>The languages the console is translated into; the first is the fallback.</summary>
public static class ConsoleCultures
{
    public const string English = "en";
    public const string SimplifiedChinese = "zh-CN";

    public static readonly IReadOnlyList<string> All = [English, SimplifiedChinese];

    /// <summary>The supported name matching <paramref name="culture"/> (case-insensitive), or null.</summary>
    public static string? Normalize(string? culture) =>
        All.FirstOrDefault(c => string.Equals(c, culture?.Trim(), StringComparison.OrdinalIgnoreCase));
}
