using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Import;

/// <summary>
/// The file cannot be read as a question file at all (not CSV or JSON Lines, no <c>text</c> column,
/// not UTF-8). Nothing is imported. The CLI exits with 2, the web answers 400. The message is the
/// code's English wording; the console words <see cref="Code"/>.
/// </summary>
public sealed class ImportFormatException(CodedMessage code) : Exception(code.English)
{
    public ImportFormatException(QuestionFileMessage code, params object[] args) : this(CodedMessage.Of(code, args))
    {
    }

    public CodedMessage Code { get; } = code;
}

/// <summary>
/// A configured import limit was exceeded (section "Import": MaxFileBytes, MaxRows). The web maps
/// this to 413 Payload Too Large.
/// </summary>
public sealed class ImportLimitExceededException(string limit, long maximum, CodedMessage code) : Exception(code.English)
{
    /// <summary>Name of the setting, e.g. <c>MaxRows</c>.</summary>
    public string Limit { get; } = limit;

    public long Maximum { get; } = maximum;

    /// <summary>What was exceeded, with the limit (and the file's size or rows when known) as arguments.</summary>
    public CodedMessage Code { get; } = code;

    public static ImportLimitExceededException FileTooLarge(long maximum, long? actual) => new("MaxFileBytes", maximum, actual is null
        ? CodedMessage.Of(QuestionFileMessage.FileTooLarge, maximum)
        : CodedMessage.Of(QuestionFileMessage.FileTooLargeBy, actual.Value, maximum));

    public static ImportLimitExceededException TooManyRows(long maximum, long? actual) => new("MaxRows", maximum, actual is null
        ? CodedMessage.Of(QuestionFileMessage.TooManyRows, maximum)
        : CodedMessage.Of(QuestionFileMessage.TooManyRowsBy, actual.Value, maximum));
}
