namespace PuoAiOps.Web.Classification;

/// <summary>
/// Runs one Application operation in its own DI scope. Interactive pages live for hours in a circuit;
/// a DbContext should not, so every call gets a fresh scope (docs/decisions/0005).
/// </summary>
internal static class ScopedCalls
{
    public static async Task<T> RunAsync<TService, T>(this IServiceScopeFactory scopes, Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task<T> RunAsync<T>(this IServiceScopeFactory scopes, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
