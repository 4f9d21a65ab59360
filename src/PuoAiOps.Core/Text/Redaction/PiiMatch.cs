namespace PuoAiOps.Core.Text.Redaction;

/// <summary>A span of the input to replace. <see cref="CustomIndex"/> is the pattern index for custom matches, else -1.</summary>
internal readonly record struct PiiMatch(int Start, int Length, PiiType Type, int CustomIndex = -1)
{
    public int End => Start + Length;
}
