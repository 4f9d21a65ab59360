using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Tests.Metrics;

public sealed class CountColumnsTests
{
    [Fact]
    public async Task Model_StoresEachCountInAColumnNamedAsTheCount_OnBothRollupTables()
    {
        await using var workspace = await TempWorkspace.CreateAsync(migrate: false);
        await using var db = workspace.NewContext();
        foreach (var entity in new[] { typeof(MetricRollup), typeof(MetricIntentDay) })
        {
            var counts = db.Model.FindEntityType(entity)!.FindComplexProperty(nameof(MetricRollup.Counts))!;
            Assert.False(counts.IsNullable);
            var columns = counts.ComplexType.GetProperties().Select(p => (p.Name, Column: p.GetColumnName(), p.IsNullable)).OrderBy(c => c.Name, StringComparer.Ordinal);
            Assert.Equal(AdditiveCounts.Names.Order(StringComparer.Ordinal).Select(n => (n, n, false)), columns);
        }
    }
}
