using System.Globalization;

namespace PuoAiOps.Web.Classification;

/// <summary>Number and time formats of the classifier pages (invariant: the console is English).</summary>
public static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Pct(double? value, int decimals = 1) =>
        value is { } v ? (v * 100).ToString("F" + decimals.ToString(Inv), Inv) + " %" : "—";

    /// <summary>A difference in percentage points with its sign (+1.2 pt).</summary>
    public static string Points(double? delta) =>
        delta is { } d ? (d >= 0 ? "+" : "−") + Math.Abs(d * 100).ToString("F1", Inv) + " pt" : "—";

    public static string Count(long value) => value.ToString("N0", Inv);

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", Inv) + " UTC";

    public static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd", Inv);

    public static string Number(double value, string format = "0.00") => value.ToString(format, Inv);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", Inv) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", Inv) + " MB",
    };

    /// <summary>CSS class for a delta: green for a clear gain, red for a clear loss, neutral within half a point.</summary>
    public static string DeltaClass(double? delta) => delta switch
    {
        null => "delta-none",
        > 0.005 => "delta-up",
        < -0.005 => "delta-down",
        _ => "delta-flat",
    };
}
