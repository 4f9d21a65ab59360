using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Import;

/// <summary>
/// Why a question file cannot be imported at all (<see cref="ImportFormatException.Code"/>) or is over a limit
/// (<see cref="ImportLimitExceededException.Code"/>): the console words each value from <c>QuestionsText</c>
/// (<c>QuestionFileMessage.&lt;value&gt;</c>), the CLI and the REST API in English. The limits name their
/// setting, which is the same in every language.
/// </summary>
public enum QuestionFileMessage
{
    [English("The file is UTF-16 text; save it as UTF-8 (CSV or JSON Lines).")] Utf16,
    [English("The file is empty.")] Empty,
    [English("The file is not text (it contains NUL bytes); expected CSV or JSON Lines.")] Binary,
    [English("The file is a JSON array; write one JSON object per line (JSON Lines) instead.")] JsonArray,
    [English("The file is not JSON Lines: the first line is not a JSON object.")] NotJsonLines,
    [English("The file is not UTF-8 text (the first line is not valid UTF-8).")] NotUtf8,
    [English("The CSV header names the column '{0}' twice.")] ColumnTwice,
    [English("The CSV header has no 'text' column (found: {0}). Expected columns: {1}.")] NoTextColumn,
    [English("The CSV header has no 'text' column (the first line does not look like a header). Expected columns: {0}.")] NoHeaderRow,
    [English("The file has no header line.")] NoHeaderLine,
    [English("The header line is not readable CSV (unterminated quoted field).")] HeaderUnterminated,
    [English("The header line is not readable CSV (row longer than {0} bytes).")] HeaderTooLong,
    [English("The file is larger than the limit of {0:N0} bytes (Import:MaxFileBytes).")] FileTooLarge,
    [English("The file has {0:N0} bytes; the limit is {1:N0} (Import:MaxFileBytes).")] FileTooLargeBy,
    [English("The file has more than {0:N0} rows, the limit (Import:MaxRows).")] TooManyRows,
    [English("The file has {0:N0} rows; the limit is {1:N0} (Import:MaxRows).")] TooManyRowsBy,
}
