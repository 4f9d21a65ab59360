using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Import;

/// <summary>
/// Why one row of a question file was not imported (<see cref="RowRejection.Code"/>). The row's line is beside it in
/// the report, never in the message; limits, column names and byte positions are arguments (a column name is the
/// same in every language). The console words each value from <c>QuestionsText</c> (<c>QuestionRowMessage.&lt;value&gt;</c>),
/// the CLI and the REST API in English. No message quotes the row's content.
/// </summary>
public enum QuestionRowMessage
{
    [English("contains a NUL character")] NulCharacter,
    [English("missing text")] MissingText,
    [English("text longer than {0} characters")] TextTooLong,
    [English("{0} longer than {1} characters")] FieldTooLong,
    [English("bad created_at date")] BadDate,
    [English("invalid UTF-8")] InvalidUtf8,
    [English("{0} fields, but the header has {1}")] FieldCount,
    [English("unterminated quoted field")] UnterminatedQuote,
    [English("row longer than {0} bytes")] RowTooLong,
    [English("not a JSON object")] NotJsonObject,
    [English("{0} must be a string")] NotAString,
    [English("invalid JSON: more than one value on the line")] MoreThanOneValue,
    [English("invalid JSON at byte {0}")] InvalidJsonAt,
    [English("invalid JSON: unpaired surrogate escape")] UnpairedSurrogate,
    [English("redaction timed out (custom pattern '{0}')")] RedactionTimedOut,
}
