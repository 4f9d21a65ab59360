using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PuoAiOps.Benchmarks.Metrics;

/// <summary>
/// Collects the overview's per-read times from its debug log events (`--verbose`), so the scenario can
/// show where a cold overview's time goes: each read's percentiles over the timed calls.
/// </summary>
internal sealed class ReadTimes : ILoggerProvider
{
    private const int OverviewReadEvent = 4706;

    private readonly ConcurrentQueue<(string Read, double Ms)> _times = new();

    public void Clear() => _times.Clear();

    public IReadOnlyDictionary<string, List<double>> ByRead() =>
        _times.GroupBy(t => t.Read).ToDictionary(g => g.Key, g => g.Select(t => t.Ms).ToList());

    public ILogger CreateLogger(string categoryName) => new Collector(this);

    public void Dispose() { }

    private sealed class Collector(ReadTimes owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id != OverviewReadEvent || state is not IReadOnlyList<KeyValuePair<string, object?>> values) return;
            var read = values.FirstOrDefault(v => v.Key == "Read").Value as string;
            if (read is not null && values.FirstOrDefault(v => v.Key == "ElapsedMs").Value is double ms) owner._times.Enqueue((read, ms));
        }
    }
}
