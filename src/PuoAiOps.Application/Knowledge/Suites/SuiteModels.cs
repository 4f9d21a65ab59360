namespace PuoAiOps.Application.Knowledge.Suites;

/// <summary>A suite in the list, with its newest run and the one before (for the change).</summary>
public sealed record SuiteSummary(long Id, string Name, int K, int Queries, SuiteRunView? Latest, SuiteRunView? Previous);

public sealed record SuiteRunView(long Id, DateTime RanAt, string? RanById, string Mode, int Queries, int Passed, double RecallAt1, double RecallAtK, double Mrr)
{
    public bool AllPassed => Passed == Queries;
}

public sealed record SuiteQueryView(long Id, string Query, string? Locale, string? Domain, string? Intent, IReadOnlyList<string> Expected);

/// <summary>A suite with its queries, its runs oldest first (at most the last 30) and each query's rank in the newest run.</summary>
public sealed record SuiteDetails(
    long Id, string Name, int K, bool IsDemo, IReadOnlyList<SuiteQueryView> Queries, IReadOnlyList<SuiteRunView> Runs,
    IReadOnlyDictionary<long, int?> LatestRanks)
{
    public SuiteRunView? Latest => Runs.Count > 0 ? Runs[^1] : null;
    public SuiteRunView? Previous => Runs.Count > 1 ? Runs[^2] : null;
}

/// <summary>A new test query: the text, optional filters and the slugs of the documents it must find.</summary>
public sealed record NewSuiteQuery(string Query, IReadOnlyList<string> Expected, string? Locale = null, string? Domain = null, string? Intent = null);
