using System.Globalization;

namespace PuoAiOps.Web.Annotation;

/// <summary>Number and label formatting shared by the annotation pages (invariant culture: the console is bilingual).</summary>
public static class Display
{
    public const string None = "—";

    public static string Percent(double? value, int decimals = 0) =>
        value is { } v && !double.IsNaN(v) ? (v * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%" : None;

    public static string Ratio(double? value) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("F2", CultureInfo.InvariantCulture) : None;

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double? perHour) =>
        perHour is { } v && !double.IsNaN(v) ? v.ToString(v >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture) : None;

    public static string When(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Landis and Koch's bands, the usual way to read κ and α.</summary>
    public static string Band(double? agreement) => agreement switch
    {
        null => "not enough data",
        < 0 => "worse than chance",
        <= 0.20 => "slight",
        <= 0.40 => "fair",
        <= 0.60 => "moderate",
        <= 0.80 => "substantial",
        _ => "almost perfect",
    };

    /// <summary>CSS modifier for a κ/α value: good from 0.8 (Krippendorff's reliable data), fair from 0.667, else weak.</summary>
    public static string BandClass(double? agreement) => agreement switch
    {
        null => "band-none",
        >= 0.8 => "band-good",
        >= 0.667 => "band-fair",
        _ => "band-weak",
    };

    public static string Locale(string? locale) => locale switch
    {
        null or "" => "Unknown locale",
        "en" => "English",
        "zh-CN" => "中文 (zh-CN)",
        _ => locale,
    };
}
