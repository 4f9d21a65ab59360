using System.Globalization;
using System.Runtime;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// The garbage collector's work over a measured window: bytes allocated, collections per generation and time paused,
/// per request. With workstation GC the collections run on the request threads, so they are part of the CPU per request
/// and show in a profile only as unnamed runtime frames; this says how much of it they are.
/// </summary>
internal sealed class GcWindow
{
    private readonly long _allocated = GC.GetTotalAllocatedBytes();
    private readonly int _gen0 = GC.CollectionCount(0), _gen1 = GC.CollectionCount(1), _gen2 = GC.CollectionCount(2);
    private readonly TimeSpan _paused = GC.GetTotalPauseDuration();

    public string Report(long requests)
    {
        var n = Math.Max(1, requests);
        return string.Create(CultureInfo.InvariantCulture,
            $"gc: {(GCSettings.IsServerGC ? "server" : "workstation")}{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : "")}; " +
            $"{(GC.GetTotalAllocatedBytes() - _allocated) / 1024.0 / n:F0} KB allocated per request; collections gen0 {GC.CollectionCount(0) - _gen0}, " +
            $"gen1 {GC.CollectionCount(1) - _gen1}, gen2 {GC.CollectionCount(2) - _gen2}; paused {(GC.GetTotalPauseDuration() - _paused).TotalMilliseconds / n:F3} ms per request");
    }
}
