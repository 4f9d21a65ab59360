namespace PuoAiOps.Web.Shell;

/// <summary>
/// Interactive pages call Application services in a scope per operation: the circuit lives for hours,
/// a DbContext should not (docs/decisions/0005).
/// </summary>
public static class ScopeFactoryExtensions
{
    public static async Task<TResult> RunAsync<TService, TResult>(this IServiceScopeFactory scopes, Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>For an operation that needs several services of one scope.</summary>
    public static async Task<TResult> RunAsync<TResult>(this IServiceScopeFactory scopes, Func<IServiceProvider, Task<TResult>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
