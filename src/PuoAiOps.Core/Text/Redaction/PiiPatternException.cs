using System.Text.Json.Serialization;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Text.Redaction;

/// <summary>One admin pattern that cannot be used, and why (<paramref name="Problem"/>, a code the console words).</summary>
public sealed record PiiPatternError(string Name, string Pattern, [property: JsonIgnore] CodedMessage Problem)
{
    /// <summary>Why, in English (the API's and the CLI's).</summary>
    public string Reason => Problem.English;

    public override string ToString() => $"custom PII pattern '{Name}' ({Pattern}): {Reason}";
}

/// <summary>Admin-defined patterns that do not compile or are misnamed; lists every problem.</summary>
public sealed class InvalidPiiPatternException(IReadOnlyList<PiiPatternError> errors)
    : Exception("Invalid custom PII patterns: " + string.Join("; ", errors))
{
    public IReadOnlyList<PiiPatternError> Errors { get; } = errors;
}

/// <summary>
/// A custom pattern ran past its time limit on some text. The text must then not be stored, since
/// it may still hold the data the pattern was meant to remove.
/// </summary>
public sealed class PiiRedactionTimeoutException(string patternName, Exception inner)
    : Exception($"custom PII pattern '{patternName}' timed out", inner)
{
    public string PatternName { get; } = patternName;
}
