using PuoAiOps.Core.Import;

namespace PuoAiOps.Application.Questions;

/// <summary>A row ready to store: every free-text field redacted, the user id pseudonymised, the duplicate key computed.</summary>
internal readonly record struct PreparedQuestion(
    long Line,
    string Text,
    string TextHash,
    string? ExternalId,
    string? UserRef,
    string? Channel,
    string? Locale,
    string? Source,
    DateTime CreatedAt);

/// <summary>
/// A slice of rows handed from the preparing stage to the writing stage. Small, so memory stays
/// flat whatever the transaction size: the writer keeps one transaction open across chunks until
/// it holds a whole batch.
/// </summary>
internal sealed class QuestionChunk(int capacity)
{
    public const int Size = 1000;

    public List<PreparedQuestion> Rows { get; } = new(capacity);

    /// <summary>Rejected rows so far (cumulative) when the chunk was sealed, so the run row stays consistent with what is committed.</summary>
    public long RejectedSoFar { get; private set; }

    /// <summary>
    /// Orders the rows by duplicate key (then by line, so the first occurrence in the file is the one
    /// stored): consecutive inserts then walk the unique index in order instead of jumping around it.
    /// </summary>
    public void Seal(long rejectedSoFar)
    {
        RejectedSoFar = rejectedSoFar;
        Rows.Sort(static (a, b) =>
        {
            var byHash = string.CompareOrdinal(a.TextHash, b.TextHash);
            return byHash != 0 ? byHash : a.Line.CompareTo(b.Line);
        });
    }
}

/// <summary>Rejected rows for the report: all are counted, the first <c>limit</c> are kept with line and reason.</summary>
internal sealed class RejectionLog(int limit)
{
    private readonly List<RowRejection> _kept = [];

    public long Total { get; private set; }
    public IReadOnlyList<RowRejection> Kept => _kept;
    public long NotListed => Total - _kept.Count;

    public void Add(RowRejection rejection)
    {
        Total++;
        if (_kept.Count < limit) _kept.Add(rejection);
    }
}
