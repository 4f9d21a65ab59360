namespace PuoAiOps.Core.Import;

/// <summary>
/// The file cannot be read as a question file at all (not CSV or JSON Lines, no <c>text</c> column,
/// not UTF-8). Nothing is imported. The CLI exits with 2, the web answers 400.
/// </summary>
public sealed class ImportFormatException(string message) : Exception(message);

/// <summary>
/// A configured import limit was exceeded (section "Import": MaxFileBytes, MaxRows). The web maps
/// this to 413 Payload Too Large.
/// </summary>
public sealed class ImportLimitExceededException(string limit, long maximum, string message) : Exception(message)
{
    /// <summary>Name of the setting, e.g. <c>MaxRows</c>.</summary>
    public string Limit { get; } = limit;

    public long Maximum { get; } = maximum;

    public static ImportLimitExceededException FileTooLarge(long maximum, long? actual) => new("MaxFileBytes", maximum,
        actual is null
            ? $"The file is larger than the limit of {maximum:N0} bytes (Import:MaxFileBytes)."
            : $"The file has {actual:N0} bytes; the limit is {maximum:N0} (Import:MaxFileBytes).");

    public static ImportLimitExceededException TooManyRows(long maximum, long? actual) => new("MaxRows", maximum,
        actual is null
            ? $"The file has more than {maximum:N0} rows, the limit (Import:MaxRows)."
            : $"The file has {actual:N0} rows; the limit is {maximum:N0} (Import:MaxRows).");
}
