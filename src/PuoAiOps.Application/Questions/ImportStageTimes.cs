using System.Diagnostics;

namespace PuoAiOps.Application.Questions;

/// <summary>Wall time and, where the platform tells it (<see cref="ThreadCpuClock"/>), CPU time of one stage of an import.</summary>
public readonly record struct ImportStage(TimeSpan Wall, TimeSpan? Cpu)
{
    /// <summary>Nothing measured yet (or a stage that did not run): adds nothing, and does not make the CPU unknown.</summary>
    public bool IsEmpty => Wall == TimeSpan.Zero && Cpu is null;

    public static ImportStage operator +(ImportStage a, ImportStage b) =>
        a.IsEmpty ? b : b.IsEmpty ? a : new(a.Wall + b.Wall, a.Cpu is { } x && b.Cpu is { } y ? x + y : null);
}

/// <summary>
/// Where an import's time went, summed over its batches: the writer's inserts (B-tree work, pages read back into the
/// cache), commits (the batch's dirty pages written to the WAL) and WAL checkpoints (pages copied into the database
/// file), how long the writer waited for the preparing stage and the preparing stage for the writer, and SQLite's own
/// page counts of the importing connection. Zeros and nulls where a provider or platform does not say.
/// </summary>
public sealed record ImportStageTimes(
    int Batches,
    ImportStage Insert,
    ImportStage Commit,
    ImportStage Checkpoint,
    TimeSpan WriterWaited,
    TimeSpan PreparerWaited,
    long PagesWritten,
    long PagesRead,
    long CacheSpills)
{
    public static readonly ImportStageTimes None = new(0, default, default, default, TimeSpan.Zero, TimeSpan.Zero, 0, 0, 0);
}

/// <summary>A started measurement of one stage on the current thread.</summary>
internal readonly struct StageMark
{
    private readonly long _started;
    private readonly TimeSpan? _cpu;
    private readonly int _thread;

    private StageMark(long started, TimeSpan? cpu, int thread)
    {
        _started = started;
        _cpu = cpu;
        _thread = thread;
    }

    public static StageMark Start() => new(Stopwatch.GetTimestamp(), ThreadCpuClock.Now(), Environment.CurrentManagedThreadId);

    /// <summary>The stage so far; its CPU is unknown if the work moved to another thread meanwhile.</summary>
    public ImportStage Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started);
        var cpu = _thread == Environment.CurrentManagedThreadId && _cpu is { } before && ThreadCpuClock.Now() is { } after ? after - before : (TimeSpan?)null;
        return new ImportStage(wall, cpu);
    }
}
