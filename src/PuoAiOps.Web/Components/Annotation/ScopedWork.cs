namespace PuoAiOps.Web.Components.Annotation;

/// <summary>
/// Runs one operation of a page in its own DI scope: a circuit lives for hours, a DbContext should not
/// (docs/decisions/0005).
/// </summary>
public static class ScopedWork
{
    public static async Task<T> InScopeAsync<T>(this IServiceScopeFactory scopes, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static async Task InScopeAsync(this IServiceScopeFactory scopes, Func<IServiceProvider, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }
}
