using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Persistence.Configurations;

/// <summary>How the rollup tables store <see cref="AdditiveCounts"/>: a complex property, one column per count.</summary>
internal static class CountColumns
{
    /// <summary>
    /// Maps the counts with each column named as the count ("Confirmed", not EF's default "Counts_Confirmed"): the names
    /// the tables had when every count was a property of its own, so the migrations that created them still hold.
    /// </summary>
    public static void MapCounts<TEntity>(this EntityTypeBuilder<TEntity> b, Expression<Func<TEntity, AdditiveCounts?>> counts)
        where TEntity : class =>
        b.ComplexProperty(counts, c =>
        {
            c.IsRequired();
            foreach (var name in AdditiveCounts.Names) c.Property(name).HasColumnName(name);
        });
}
