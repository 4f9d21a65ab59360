using PuoAiOps.Core.Import;

namespace PuoAiOps.Application.Questions;

/// <summary>Configuration section "Import": limits and batching of question imports.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Largest accepted file; larger uploads are refused before anything is stored (HTTP 413).</summary>
    public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Most data rows per file (accepted plus rejected); 0 = no limit.</summary>
    public long MaxRows { get; set; } = 2_000_000;

    /// <summary>Longest question text in characters; longer rows are rejected.</summary>
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>Longest value of external_id, user_id, channel, locale and source.</summary>
    public int MaxFieldLength { get; set; } = 256;

    /// <summary>Rows per transaction: a crash leaves only whole batches behind. Larger batches write fewer index pages per row on SQLite.</summary>
    public int BatchSize { get; set; } = 50_000;

    /// <summary>SQLite page cache of the importing connection while it imports (the default 2 MB thrashes on the unique index).</summary>
    public int SqliteCacheMegabytes { get; set; } = 64;

    /// <summary>Rejected rows kept with line and reason in the report; the rest are only counted.</summary>
    public int MaxReportedRejections { get; set; } = 10_000;

    /// <summary>
    /// Secret key for pseudonymising user ids (HMAC-SHA-256). When empty, a random per-workspace key
    /// is created once and kept in the Settings table under <c>Pii:UserIdKey</c>.
    /// </summary>
    public string? UserIdKey { get; set; }

    public QuestionParserOptions ToParserOptions() => new()
    {
        MaxTextLength = MaxTextLength,
        MaxFieldLength = MaxFieldLength,
        MaxRows = MaxRows,
        MaxFileBytes = MaxFileBytes,
    };

    /// <summary>Start-up validation with messages that name the configuration path.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxFileBytes <= 0) yield return $"{SectionName}:MaxFileBytes must be positive.";
        if (MaxRows < 0) yield return $"{SectionName}:MaxRows must be 0 (no limit) or positive.";
        if (MaxTextLength is < 16 or > 1_000_000) yield return $"{SectionName}:MaxTextLength must be between 16 and 1000000.";
        if (MaxFieldLength is < 16 or > 10_000) yield return $"{SectionName}:MaxFieldLength must be between 16 and 10000.";
        if (BatchSize is < 1 or > 100_000) yield return $"{SectionName}:BatchSize must be between 1 and 100000.";
        if (SqliteCacheMegabytes is < 2 or > 4096) yield return $"{SectionName}:SqliteCacheMegabytes must be between 2 and 4096.";
        if (MaxReportedRejections is < 0 or > 1_000_000) yield return $"{SectionName}:MaxReportedRejections must be between 0 and 1000000.";
        if (UserIdKey is { Length: > 0 and < 16 }) yield return $"{SectionName}:UserIdKey must be at least 16 characters (or empty for a generated key).";
    }
}
