namespace PuoAiOps.Core.Classification;

/// <summary>A labelled data file that cannot be read; <see cref="LineNumber"/> is 1-based.</summary>
public sealed class IntentDataFormatException : FormatException
{
    public IntentDataFormatException(int lineNumber, string problem, string? source = null)
        : base($"{(string.IsNullOrEmpty(source) ? "" : source + ": ")}line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
        Problem = problem;
    }

    public int LineNumber { get; }
    public string Problem { get; }
}
