using System.Globalization;

namespace PuoAiOps.Web.Classification;

/// <summary>Numbers and times of the classifier pages, in the reader's culture (times in UTC: the workspace has no time zone yet).</summary>
public static class Fmt
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string Pct(double? value, int decimals = 1) =>
        value is { } v ? v.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), Culture) : "—";

    /// <summary>A difference in percentage points with its sign (+1.2 pt); <paramref name="unit"/> comes from the resources.</summary>
    public static string Points(double? delta, string unit) =>
        delta is { } d ? (d >= 0 ? "+" : "−") + Math.Abs(d * 100).ToString("F1", Culture) + " " + unit : "—";

    public static string Count(long value) => value.ToString("N0", Culture);

    public static string Time(DateTime utc) => utc.ToString("g", Culture) + " UTC";

    public static string Date(DateTime utc) => utc.ToString("d", Culture);

    public static string Number(double value, string format = "0.00") => value.ToString(format, Culture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{Count(bytes)} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", Culture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", Culture) + " MB",
    };

    /// <summary>How a change reads: a clear gain, a clear loss, or within half a point either way.</summary>
    public static string DeltaClass(double? delta) => delta switch
    {
        null => "delta-none",
        > 0.005 => "delta-up",
        < -0.005 => "delta-down",
        _ => "delta-flat",
    };
}
