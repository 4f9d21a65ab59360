using System.Globalization;
using System.Resources;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Infrastructure;

/// <summary>Texts of the sign-in, setup and status pages as the resources word them, in English or Chinese.</summary>
public static class AccountTexts
{
    private static readonly ResourceManager Resources = new(typeof(AccountText).FullName!, typeof(AccountText).Assembly);

    public static string LoginFailed => English("Login.Failed");

    public static string LoginThrottled => English("Login.Throttled");

    public static string English(string key) => Get(key, "en");

    public static string Chinese(string key) => Get(key, "zh-CN");

    private static string Get(string key, string culture) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(culture)) ?? throw new KeyNotFoundException($"AccountText has no '{key}'.");
}
