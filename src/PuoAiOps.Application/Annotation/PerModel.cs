using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// One compiled query per EF model. A compiled query binds to the model it first ran against, and
/// SQLite and PostgreSQL contexts have different models (a process normally uses one, but the tests
/// and tools may use both), so each model gets its own compilation of the same LINQ.
/// </summary>
internal sealed class PerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _queries = new();

    public TQuery For(DbContext db) => _queries.GetValue(db.Model, _ => compile());
}
