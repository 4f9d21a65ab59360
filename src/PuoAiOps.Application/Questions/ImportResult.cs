using PuoAiOps.Core.Import;

namespace PuoAiOps.Application.Questions;

/// <summary>Who imports what. <see cref="FileName"/> is shown in the run list and picks the format when the content is ambiguous.</summary>
public sealed record ImportRequest(string FileName)
{
    public string? CreatedById { get; init; }

    /// <summary>Stored as the question's source when a row has none.</summary>
    public string? DefaultSource { get; init; }
}

/// <summary>Outcome of one import. Counts are over data rows; <see cref="Redacted"/> is keyed email, phone, card, id_number, iban, ip, url, then custom names.</summary>
public sealed record ImportResult(
    long RunId,
    QuestionFileFormat Format,
    long Rows,
    long Imported,
    long Duplicates,
    long Rejected,
    IReadOnlyList<RowRejection> Rejections,
    long RejectionsNotListed,
    IReadOnlyDictionary<string, long> Redacted,
    string FileHash,
    TimeSpan Elapsed)
{
    /// <summary>Where the time went (the writer's inserts, commits and checkpoints; the stages' waits).</summary>
    public ImportStageTimes Stages { get; init; } = ImportStageTimes.None;
}

/// <summary>Reported after each committed batch.</summary>
public readonly record struct ImportProgress(long RunId, int Batches, long Imported, long Duplicates, long Rejected);
