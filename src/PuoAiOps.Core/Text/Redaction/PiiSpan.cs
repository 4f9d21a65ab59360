namespace PuoAiOps.Core.Text.Redaction;

/// <summary>Personal data found at [<see cref="Start"/>, <see cref="End"/>); <see cref="Name"/> is the report key or the custom pattern's name.</summary>
public readonly record struct PiiSpan(int Start, int Length, PiiType Type, string Name)
{
    public int End => Start + Length;
}
