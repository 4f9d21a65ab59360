using System.Globalization;
using Microsoft.Extensions.Localization;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Knowledge;

/// <summary>Localized names of values the knowledge pages show (locales, figures as percentages).</summary>
public static class KnowledgeWords
{
    /// <summary>"English", "简体中文"; a locale without a name is shown as its code.</summary>
    public static string Locale(this IStringLocalizer<KnowledgeText> t, string locale)
    {
        var name = t["Locale." + locale];
        return name.ResourceNotFound ? locale : name.Value;
    }

    public static string Percent(double share) => share.ToString("P1", CultureInfo.CurrentCulture);

    public static string Number(double value, string format = "0.000") => value.ToString(format, CultureInfo.CurrentCulture);

    /// <summary>The change since the previous run, signed, in points (percentages) or raw (MRR); empty without one.</summary>
    public static string Delta(double now, double? before, bool percent) => before is not { } b ? ""
        : percent ? ((now - b) * 100).ToString("+0.0;-0.0;±0", CultureInfo.CurrentCulture) + " pt"
        : (now - b).ToString("+0.000;-0.000;±0", CultureInfo.CurrentCulture);
}
