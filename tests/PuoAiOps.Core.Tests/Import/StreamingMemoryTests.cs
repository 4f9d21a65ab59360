using PuoAiOps.Core.Import;

namespace PuoAiOps.Core.Tests.Import;

/// <summary>Measures the process heap, so it must not share the process with other tests running at the same time.</summary>
[CollectionDefinition(nameof(HeapMeasurement), DisableParallelization = true)]
public sealed class HeapMeasurement;

[Collection(nameof(HeapMeasurement))]
public sealed class StreamingMemoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_StreamsManyRowsWithoutKeepingThem()
    {
        const int rows = 200_000;
        using var reader = await QuestionFileReader.OpenAsync(new ImportTestStreams.GeneratedCsvStream(rows), "big.csv", new QuestionParserOptions(), Ct);
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long count = 0;
        while (await reader.ReadAsync(Ct) is { } row)
        {
            Assert.False(row.IsRejected);
            count++;
        }
        var retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        Assert.Equal(rows, count);
        Assert.True(retained < 4 * 1024 * 1024, $"{retained:N0} bytes retained after streaming");
    }
}
