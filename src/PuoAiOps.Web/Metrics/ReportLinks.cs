using System.Globalization;

namespace PuoAiOps.Web.Metrics;

/// <summary>Where a stored report downloads from, and the report language of a UI culture.</summary>
public static class ReportLinks
{
    public static string Download(long id, string format, string language) =>
        string.Create(CultureInfo.InvariantCulture, $"/reports/{id}/download?format={format}&lang={language}");

    /// <summary>Reports are written in English or Chinese; a Chinese UI gets Chinese.</summary>
    public static string LanguageOf(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en";
}
