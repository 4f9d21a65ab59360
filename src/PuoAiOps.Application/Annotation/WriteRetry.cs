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
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await body(ct);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (Exception ex) when (attempt < MaxAttempts && DbErrors.IsTransient(ex))
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt * attempt), ct);
            }
            catch
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }
}
