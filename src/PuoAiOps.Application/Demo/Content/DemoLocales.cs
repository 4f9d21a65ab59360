namespace PuoAiOps.Application.Demo.Content;

/// <summary>The two locales of the demo workspace.</summary>
internal static class DemoLocales
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static readonly IReadOnlyList<string> All = [English, Chinese];

    public static string Other(string locale) => locale == Chinese ? English : Chinese;
}
