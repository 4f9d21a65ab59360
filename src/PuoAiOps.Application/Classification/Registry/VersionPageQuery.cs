namespace PuoAiOps.Application.Classification.Registry;

/// <summary>Columns the versions table sorts by.</summary>
public enum VersionSort
{
    Id,
    Name,
    Trained,
    Accuracy,
    MacroF1,
    OutOfScopeRecall,
    Coverage,
}

/// <summary>One page of the versions table: <paramref name="Skip"/> rows in, at most <paramref name="Take"/>.</summary>
public sealed record VersionPageQuery(int Skip = 0, int Take = 10, VersionSort Sort = VersionSort.Id, bool Descending = true)
{
    public const int MaxTake = 100;
}

/// <summary>The rows of one page and how many versions there are in all.</summary>
public sealed record VersionPage(IReadOnlyList<ModelVersionSummary> Items, int Total);
