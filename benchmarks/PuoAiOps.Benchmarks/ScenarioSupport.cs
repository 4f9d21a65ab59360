using System.Globalization;

namespace PuoAiOps.Benchmarks;

/// <summary>What the console-level scenarios share: an integer option, a percentile of sorted latencies, the load average.</summary>
internal static class ScenarioSupport
{
    public static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0-1) of <paramref name="sorted"/>; NaN when empty.</summary>
    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The 1, 5 and 15 minute load averages, printed with every figure: the box is often shared.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
