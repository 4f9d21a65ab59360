using PuoAiOps.Core.Import;

namespace PuoAiOps.Application.Questions;

/// <summary>A row ready to store: every free-text field redacted, the user id pseudonymised, the duplicate key computed.</summary>
internal readonly record struct PreparedQuestion(
    string Text,
    string TextHash,
    string? ExternalId,
    string? UserRef,
    string? Channel,
    string? Locale,
    string? Source,
    DateTime CreatedAt);

/// <summary>Rows written in one transaction, and how many rows the reader had rejected when it was sealed.</summary>
internal sealed class QuestionBatch(int capacity)
{
    public List<PreparedQuestion> Rows { get; } = new(capacity);

    /// <summary>Rejected rows so far (cumulative), so the run row stays consistent with the committed batches.</summary>
    public long RejectedSoFar { get; set; }
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
