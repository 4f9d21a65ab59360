using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Tests.Classifier;

/// <summary>The versions table pages and sorts on the server, by database columns and by scores alike.</summary>
public sealed class VersionPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_ByNewestFirst_TakesItsSlice_AndCountsEveryVersion()
    {
        await using var bed = await SeededAsync();
        var page = await bed.WithAsync<ModelRegistry, VersionPage>(r => r.PageAsync(new VersionPageQuery(Skip: 2, Take: 2), Ct));
        Assert.Equal(5, page.Total);
        Assert.Equal(["v3", "v2"], page.Items.Select(v => v.Name));
    }

    [Theory]
    [InlineData(VersionSort.Accuracy, false, new[] { "v4", "v2", "v5" })]
    [InlineData(VersionSort.Accuracy, true, new[] { "v3", "v1", "v5" })]
    [InlineData(VersionSort.Name, false, new[] { "v1", "v2", "v3" })]
    [InlineData(VersionSort.Id, false, new[] { "v1", "v2", "v3" })]
    public async Task Page_SortsByTheAskedColumn(VersionSort sort, bool descending, string[] expected)
    {
        await using var bed = await SeededAsync();
        var page = await bed.WithAsync<ModelRegistry, VersionPage>(r => r.PageAsync(new VersionPageQuery(0, 3, sort, descending), Ct));
        Assert.Equal(expected, page.Items.Select(v => v.Name));
        Assert.Equal(5, page.Total);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, VersionPageQuery.MaxTake + 1)]
    public async Task Page_OutOfRange_IsRefusedWithAReason(int skip, int take)
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 1, outOfScope: 0, unlabeled: 0);
        var error = await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync<ModelRegistry, VersionPage>(r => r.PageAsync(new VersionPageQuery(skip, take), Ct)));
        Assert.Contains("1 to 100", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Five versions whose accuracy is not in id order: v1 0.8, v2 0.5, v3 0.9, v4 0.4, v5 0.6.</summary>
    private static async Task<ClassifierTestBed> SeededAsync()
    {
        var bed = await ClassifierTestBed.CreateAsync(perIntent: 1, outOfScope: 0, unlabeled: 0);
        await using var db = bed.NewContext();
        var accuracy = new[] { 0.8, 0.5, 0.9, 0.4, 0.6 };
        for (var i = 0; i < accuracy.Length; i++)
        {
            var right = (int)Math.Round(accuracy[i] * 10);
            var outputs = Enumerable.Range(0, 10).Select(k => new ClassifierOutput(k < right ? "a" : "b", k < right ? "a" : "b", 0.9f)).ToList();
            db.ModelVersions.Add(new ModelVersion
            {
                Kind = ModelKind.Offline,
                Name = $"v{i + 1}",
                DataHash = new string('a', 64),
                Labels = ["a", "b"],
                Settings = new ModelSettings { TrainedBy = "Cora" }.ToJson(),
                Metrics = EvaluationJson.Write(EvaluationCalculator.Evaluate([.. Enumerable.Repeat("a", 10)], outputs, "oos", 0)),
                TrainedAt = new DateTime(2026, 12, 1 + i, 0, 0, 0, DateTimeKind.Utc),
            });
        }
        await db.SaveChangesAsync(Ct);
        return bed;
    }
}
