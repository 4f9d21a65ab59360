using System.Text.Json.Serialization;

namespace PuoAiOps.Core.Metrics;

/// <summary>A rate with what it was computed from: never a bare percentage. Rate and interval are null when nothing was counted.</summary>
public sealed record Ratio(long Numerator, long Denominator)
{
    public double? Rate => Denominator == 0 ? null : (double)Numerator / Denominator;

    [JsonIgnore]
    public (double Low, double High)? Interval => WilsonInterval.Compute(Numerator, Denominator);

    public static Ratio Of(long numerator, long denominator) => new(numerator, denominator);

    public override string ToString() => Rate is { } r ? $"{r:P1} ({Numerator}/{Denominator})" : $"n/a (0/{Denominator})";
}
