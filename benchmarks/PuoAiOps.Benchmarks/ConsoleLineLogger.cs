using Microsoft.Extensions.Logging;

namespace PuoAiOps.Benchmarks;

/// <summary>Writes a service's log lines (from <paramref name="minimum"/> up) to the console, for scenarios run with --verbose.</summary>
internal sealed class ConsoleLineLogger<T>(LogLevel minimum) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) Console.WriteLine($"  [{DateTime.UtcNow:HH:mm:ss}] {formatter(state, exception)}");
    }
}
