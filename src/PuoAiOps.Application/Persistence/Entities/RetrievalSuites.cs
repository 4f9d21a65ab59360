namespace PuoAiOps.Application.Persistence.Entities;

/// <summary>A named regression suite of retrieval test queries: each query names the documents it must find.</summary>
public sealed class RetrievalSuite
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>A query passes when one of its expected documents ranks in the top K.</summary>
    public int K { get; set; } = 5;
    public bool IsDemo { get; set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public List<RetrievalTestQuery> Queries { get; set; } = [];
}

/// <summary>One saved query with its filters and the slugs of the documents a good ranking returns.</summary>
public sealed class RetrievalTestQuery
{
    public long Id { get; set; }
    public long SuiteId { get; set; }
    public string Query { get; set; } = "";
    public string? Locale { get; set; }
    public string? Domain { get; set; }
    public string? Intent { get; set; }
    public List<string> Expected { get; set; } = [];
}

/// <summary>One run of a suite: its figures, and each query's rank of the first expected document (JSON).</summary>
public sealed class RetrievalSuiteRun
{
    public long Id { get; set; }
    public long SuiteId { get; set; }
    public DateTime RanAt { get; set; } = DateTime.UtcNow;
    public string? RanById { get; set; }
    /// <summary>hybrid or keyword: what the workspace could search with at the time.</summary>
    public string Mode { get; set; } = "";
    public int Queries { get; set; }
    public int Passed { get; set; }
    public double RecallAt1 { get; set; }
    public double RecallAtK { get; set; }
    public double Mrr { get; set; }
    /// <summary>{"queryId": rank or null}, rank 1-based at document level.</summary>
    public string Ranks { get; set; } = "{}";
}
