using Xunit;

namespace PuoAiOps.Testing;

/// <summary>
/// Waits for something a background job or another process does. A poll that times out fails the test
/// with what it was waiting for — it never returns quietly and lets a later assertion fail for an
/// unrelated-looking reason.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string waitingFor, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline) Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {waitingFor}.");
            await Task.Delay(Interval, ct);
        }
    }

    /// <summary>Polls <paramref name="read"/> until it gives a value (not null), and returns it.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> read, TimeSpan timeout, string waitingFor, CancellationToken ct = default) where T : class
    {
        T? value = null;
        await UntilAsync(async () => (value = await read()) is not null, timeout, waitingFor, ct);
        return value!;
    }
}
