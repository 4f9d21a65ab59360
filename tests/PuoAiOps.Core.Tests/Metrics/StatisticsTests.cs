using CsCheck;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Core.Tests.Metrics;

public sealed class StatisticsTests
{
    private static readonly double[] Percentiles = [50, 95];

    [Fact]
    public void Wilson_MatchesPublishedValues()
    {
        // Newcombe (1998), table I: 81/263 → 0.2553–0.3662; 0/10 → 0–0.2775.
        var (low, high) = WilsonInterval.Compute(81, 263)!.Value;
        Assert.Equal(0.2553, low, 4);
        Assert.Equal(0.3662, high, 4);
        (low, high) = WilsonInterval.Compute(0, 10)!.Value;
        Assert.Equal(0, low);
        Assert.Equal(0.2775, high, 4);
    }

    [Fact]
    public void Wilson_NoTrials_HasNoInterval() => Assert.Null(WilsonInterval.Compute(0, 0));

    [Fact]
    public void Wilson_ContainsTheRate_StaysInUnitRange_AndNarrowsWithMoreData() =>
        Gen.Int[1, 5000].SelectMany(n => Gen.Int[0, n].Select(k => (k, n))).Sample(t =>
        {
            var (k, n) = t;
            var (low, high) = WilsonInterval.Compute(k, n)!.Value;
            var p = (double)k / n;
            Assert.InRange(low, 0, p + 1e-12);
            Assert.InRange(high, p - 1e-12, 1);
            var (low4, high4) = WilsonInterval.Compute(4L * k, 4L * n)!.Value;
            Assert.True(high4 - low4 < high - low + 1e-12);
        });

    [Fact]
    public void PChart_FlagsTheSpikeDay_NotTheOrdinaryOnes()
    {
        var days = Enumerable.Range(0, 30).Select(i => (new DateOnly(2026, 3, 1).AddDays(i), (long)(i == 20 ? 90 : 30), 300L)).ToList();
        var points = PChart.Evaluate(days);
        Assert.Equal([new DateOnly(2026, 3, 21)], points.Where(p => p.OutOfControl).Select(p => p.Day));
        Assert.All(points, p => Assert.InRange(p.Lower, 0, p.Upper));
    }

    [Fact]
    public void PChart_FlatSeries_HasNoAnomaly() =>
        Assert.DoesNotContain(PChart.Evaluate([(new DateOnly(2026, 1, 1), 0, 50), (new DateOnly(2026, 1, 2), 0, 80), (new DateOnly(2026, 1, 3), 0, 0)]), p => p.OutOfControl);

    [Fact]
    public void LatencyHistogram_PercentileIsWithinFourPercentOfTheExactValue() =>
        Gen.Int[1, 200_000].Array[1, 400].Sample(values =>
        {
            var histogram = new LatencyHistogram();
            foreach (var v in values) histogram.Add(v);
            var sorted = values.Order().ToArray();
            foreach (var p in Percentiles)
            {
                var exact = sorted[(int)Math.Ceiling(p / 100 * sorted.Length) - 1];
                var approx = histogram.Percentile(p)!.Value;
                Assert.InRange(approx, Math.Max(1, exact) / 1.041, Math.Max(1, exact) * 1.041);
            }
        });

    [Fact]
    public void LatencyHistogram_MergedAndRoundTripped_EqualsOneBuiltFromAllValues() =>
        Gen.Int[0, 100_000].Array[0, 100].Select(Gen.Int[0, 100_000].Array[0, 100]).Sample((a, b) =>
        {
            LatencyHistogram left = new(), right = new(), all = new();
            foreach (var v in a) { left.Add(v); all.Add(v); }
            foreach (var v in b) { right.Add(v); all.Add(v); }
            var merged = LatencyHistogram.Parse(left.Serialize());
            merged.Add(LatencyHistogram.Parse(right.Serialize()));
            Assert.Equal(all.Serialize(), merged.Serialize());
            Assert.Equal(all.Count, merged.Count);
        });

    [Theory]
    [InlineData("-1:3")]
    [InlineData("280:1")]
    [InlineData("12")]
    public void LatencyHistogram_Parse_RejectsMalformedOrOutOfRangeBuckets(string text) =>
        Assert.Throws<FormatException>(() => LatencyHistogram.Parse("3:1," + text));

    [Fact]
    public void LatencyHistogram_OfTheLongestLatency_RoundTrips()
    {
        var histogram = new LatencyHistogram();
        histogram.Add(int.MaxValue);
        histogram.Add(0);
        var parsed = LatencyHistogram.Parse(histogram.Serialize());
        Assert.Equal(histogram.Serialize(), parsed.Serialize());
        Assert.Equal(LatencyHistogram.Midpoint(LatencyHistogram.Bucket(int.MaxValue)), parsed.Percentile(100));
    }

    [Fact]
    public void LatencyHistogram_Bytes_RoundTripAndMergeLikeTheText() =>
        Gen.Int[0, int.MaxValue].Array[0, 200].Select(Gen.Int[0, 5_000].Array[0, 200]).Sample((a, b) =>
        {
            LatencyHistogram left = new(), right = new(), all = new();
            foreach (var v in a) { left.Add(v); all.Add(v); }
            foreach (var v in b) { right.Add(v); all.Add(v); }
            Assert.Equal(left.Serialize(), LatencyHistogram.FromBytes(left.ToBytes()).Serialize());
            var merged = LatencyHistogram.FromBytes(left.ToBytes());
            merged.AddBytes(right.ToBytes());
            Assert.Equal(all.Serialize(), merged.Serialize());
            Assert.Equal(all.Count, merged.Count);
        });

    [Fact]
    public void LatencyHistogram_Bytes_OfAnEmptyHistogramAreEmpty_AndLargeCountsRoundTrip()
    {
        Assert.Empty(new LatencyHistogram().ToBytes());
        var big = LatencyHistogram.Parse("0:1,279:9000000000");
        Assert.Equal("0:1,279:9000000000", LatencyHistogram.FromBytes(big.ToBytes()).Serialize());
    }

    [Theory]
    [InlineData(new byte[] { 0x01 })] // a bucket without its count
    [InlineData(new byte[] { 0x01, 0x80 })] // a count cut off inside its varint
    [InlineData(new byte[] { 0x00, 0x01 })] // a step of zero: buckets only rise
    [InlineData(new byte[] { 0x99, 0x02, 0x01 })] // bucket 280, past the longest latency
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x01 })] // a number longer than 64 bits
    public void LatencyHistogram_FromBytes_RejectsMalformedBytes(byte[] bytes) =>
        Assert.Throws<FormatException>(() => LatencyHistogram.FromBytes(bytes));

    [Fact]
    public void Registry_KeysAreUnique_AndEveryDefinitionIsComplete()
    {
        Assert.Equal(MetricRegistry.All.Count, MetricRegistry.All.Select(d => d.Key).Distinct().Count());
        Assert.All(MetricRegistry.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Numerator));
            Assert.False(string.IsNullOrWhiteSpace(d.Denominator));
            Assert.False(string.IsNullOrWhiteSpace(d.Window));
            Assert.Contains("test", d.Exclusions);
            Assert.True(d.Version >= 1);
        });
    }
}
