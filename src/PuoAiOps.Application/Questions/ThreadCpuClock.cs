using System.Globalization;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// CPU time of the calling thread, for the import's per-stage figures: on a shared machine the wall clock mostly
/// measures the wait for a core, the CPU a stage used does not. Linux only (/proc/thread-self/schedstat, in
/// nanoseconds); null elsewhere, and the stages then report wall time alone.
/// </summary>
internal static class ThreadCpuClock
{
    private const string SchedStat = "/proc/thread-self/schedstat";

    private static readonly bool Available = OperatingSystem.IsLinux() && File.Exists(SchedStat);

    public static TimeSpan? Now()
    {
        if (!Available) return null;
        try
        {
            // "<ns on cpu> <ns waiting> <timeslices>"
            var text = File.ReadAllText(SchedStat);
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            return long.TryParse(text.AsSpan(0, end < 0 ? text.Length : end), NumberStyles.None, CultureInfo.InvariantCulture, out var ns)
                ? TimeSpan.FromTicks(ns / 100)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
