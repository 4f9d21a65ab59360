namespace PuoAiOps.Core.Scripts;

/// <summary>Where a script is sent: instant messaging (the bot's chat), in-app messages, e-mail.</summary>
public static class ScriptChannels
{
    public const string Im = "im";
    public const string InApp = "in_app";
    public const string Email = "email";

    public static IReadOnlyList<string> All { get; } = [Im, InApp, Email];

    public static bool IsKnown(string? channel) => channel is not null && All.Contains(channel, StringComparer.Ordinal);
}

/// <summary>The locales scripts are written in. Chinese is matched and diffed by character.</summary>
public static class ScriptLocales
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static IReadOnlyList<string> All { get; } = [English, Chinese];

    public static bool IsKnown(string? locale) => locale is not null && All.Contains(locale, StringComparer.Ordinal);

    public static bool IsChinese(string locale) => locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
