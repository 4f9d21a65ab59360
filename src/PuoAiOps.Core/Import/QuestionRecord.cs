using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Import;

/// <summary>
/// One parsed and validated row of a question file, before redaction. <see cref="Line"/> is the
/// 1-based line of the file where the row starts (the CSV header is line 1).
/// </summary>
public sealed class QuestionRecord
{
    public long Line { get; init; }
    public required string Text { get; init; }
    public string? ExternalId { get; init; }
    public string? UserId { get; init; }
    public string? Channel { get; init; }
    public string? Locale { get; init; }
    public string? Source { get; init; }

    /// <summary>When the user asked, in UTC; null when the file does not say.</summary>
    public DateTime? CreatedAt { get; init; }
}

/// <summary>A row that was not imported, with a reason that never quotes the row's content.</summary>
/// <param name="Code">Why, as a <see cref="QuestionRowMessage"/> and its arguments (the console words it).</param>
public readonly record struct RowRejection(long Line, CodedMessage Code)
{
    /// <summary>The reason in English (the CLI's, the REST API's, and the stored report's <c>reason</c>).</summary>
    public string Reason => Code.English;
}

/// <summary>What the reader produced for one row: a record or a rejection.</summary>
public readonly struct ParsedRow
{
    private ParsedRow(QuestionRecord? record, RowRejection rejection)
    {
        Record = record;
        Rejection = rejection;
    }

    public QuestionRecord? Record { get; }
    public RowRejection Rejection { get; }
    public bool IsRejected => Record is null;

    public static ParsedRow Accept(QuestionRecord record) => new(record, default);
    public static ParsedRow Reject(long line, QuestionRowMessage reason, params object[] args) => Reject(line, CodedMessage.Of(reason, args));

    public static ParsedRow Reject(long line, CodedMessage reason) => new(null, new RowRejection(line, reason));
}
