using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// Runs a short write transaction, retrying it when the database reports a transient lock or
/// serialization failure. The body must be safe to run again from the start: its reads happen
/// inside the transaction and the change tracker is cleared between attempts.
/// </summary>
internal static class WriteRetry
{
    private const int MaxAttempts = 5;

    public static async Task<T> InTransactionAsync<T>(PuoDbContext db, Func<CancellationToken, Task<T>> body, CancellationToken ct)
    {
        // Any failure rolls the whole transaction back, so EF's automatic savepoints would only add round-trips.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await AttemptAsync(db, body, ct);
                }
                catch (Exception ex) when (attempt < MaxAttempts && DbErrors.IsTransient(ex))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt * attempt), ct);
                }
            }
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    private static async Task<T> AttemptAsync<T>(PuoDbContext db, Func<CancellationToken, Task<T>> body, CancellationToken ct)
    {
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await body(ct);
            await tx.CommitAsync(ct);
            return result;
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
