using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

// Types that break the Web rule on purpose, one way each, so the checker is seen to catch every way.
// They live in the test assembly, which is scanned like the Web assembly; nothing calls them.
namespace PuoAiOps.Architecture.Tests.Fixtures;

/// <summary>Takes the DbContext in its constructor, as an endpoint class or service would.</summary>
public sealed class InjectsDbContext(PuoDbContext db)
{
    public object Context => db;
}

/// <summary>What <c>@inject PuoDbContext Db</c> compiles to in a Razor page.</summary>
public sealed class PageWithInjectedDbContext : ComponentBase
{
    [Inject] public PuoDbContext Db { get; set; } = default!;
}

/// <summary>A field of an EF type (no DbContext in sight, no method touching it).</summary>
public sealed class HoldsDbSet
{
#pragma warning disable CS0169 // never used: the field's declared type is the violation
    private readonly DbSet<Question>? _questions;
#pragma warning restore CS0169
}

/// <summary>Only an EF extension method call, on a plain IQueryable: visible in the IL alone.</summary>
public static class CallsEfExtension
{
    public static Task<int> CountAsync(IQueryable<Question> questions) => questions.CountAsync();
}

/// <summary>An EF query inside an async method: the call sits in the compiler's state machine, a nested type.</summary>
public static class QueriesInAsyncMethod
{
    public static async Task<int> CountTwiceAsync(IQueryable<Question> questions) =>
        await questions.CountAsync() + await questions.CountAsync();
}

/// <summary>The DbContext resolved in a lambda (a generic method instantiation in a closure class).</summary>
public static class ResolvesDbContextInLambda
{
    public static readonly Func<IServiceProvider, object> Resolve = services => services.GetRequiredService<PuoDbContext>();
}

/// <summary>Identity's EF stores registered: how the console's sign-in once reached the database from Web.</summary>
public static class RegistersIdentityEfStores
{
    public static IdentityBuilder Register(IdentityBuilder identity) => identity.AddEntityFrameworkStores<PuoDbContext>();
}

/// <summary>An EF exception caught: only the catch clause and a local name the type.</summary>
public static class CatchesEfException
{
    public static bool Saves(Action save)
    {
        try
        {
            save();
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}

/// <summary>Plain LINQ over the entities, the way pages use the lists services return: allowed.</summary>
public static class UsesEntitiesWithoutEf
{
    public static int Count(IEnumerable<Question> questions) => questions.Count(q => q.Source != null);
}
