using System.Globalization;
using Microsoft.Extensions.Localization;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Annotation;

/// <summary>Numbers, dates and agreement bands on the annotation pages, in the reader's culture.</summary>
public static class AnnotationFormat
{
    public const string None = "—";

    public static string Percent(double? value, int decimals = 0) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("P" + decimals, CultureInfo.CurrentCulture) : None;

    public static string Ratio(double? value) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("F2", CultureInfo.CurrentCulture) : None;

    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Rate(double? perHour) =>
        perHour is { } v && !double.IsNaN(v) ? v.ToString(v >= 100 ? "N0" : "N1", CultureInfo.CurrentCulture) : None;

    /// <summary>Times are shown in UTC and labelled so: the workspace has no time zone setting yet.</summary>
    public static string When(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("g", CultureInfo.CurrentCulture) + " UTC";

    public static string Date(DateTime utc) => utc.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>Landis and Koch's bands, the usual way to read κ and α (resource keys Band.*).</summary>
    public static string Band(double? agreement, IStringLocalizer<AnnotationText> t) => t["Band." + (agreement switch
    {
        null => "None",
        < 0 => "WorseThanChance",
        <= 0.20 => "Slight",
        <= 0.40 => "Fair",
        <= 0.60 => "Moderate",
        <= 0.80 => "Substantial",
        _ => "AlmostPerfect",
    })];

    /// <summary>Good from 0.8 (Krippendorff's reliable data), fair from 0.667, else weak.</summary>
    public static MudBlazor.Color BandColor(double? agreement) => agreement switch
    {
        null => MudBlazor.Color.Default,
        >= 0.8 => MudBlazor.Color.Success,
        >= 0.667 => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
    };

    public static string Locale(string? locale, IStringLocalizer<AnnotationText> t) => locale switch
    {
        null or "" => t["Locale.Unknown"],
        "en" => "English",
        "zh-CN" => "中文 (zh-CN)",
        _ => locale,
    };
}
