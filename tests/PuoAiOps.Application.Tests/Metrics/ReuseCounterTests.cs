using CsCheck;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>The per-day reuse counts give the distinct users of any period and cell the gaps cover.</summary>
public sealed class ReuseCounterTests
{
    private static readonly DateOnly Start = new(2026, 11, 1);
    private static readonly string?[] Locales = [null, "en", "zh-CN"];
    private static readonly string?[] Channels = [null, "app", "web"];

    private static MetricUserDay Row(int user, int day, int locale, int channel, bool returned) => new()
    {
        UserRef = "u" + user, Day = Start.AddDays(day), Locale = Locales[1 + locale]!, Channel = Channels[1 + channel]!, Returned = returned,
    };

    [Fact]
    public void Distinct_CountsAUserOnce_OnTheirFirstDayOfThePeriod()
    {
        var counter = new ReuseCounter(DateOnly.MinValue);
        // u1 on days 0, 2 (returned) and 9; u2 on day 2 twice (two intents) and day 3.
        counter.Add([Row(1, 0, 0, 0, false), Row(1, 2, 0, 0, true), Row(1, 9, 0, 0, false), Row(2, 2, 0, 0, false), Row(2, 2, 1, 1, false), Row(2, 3, 0, 0, false)]);
        var all = counter.Counts.Where(c => c.Key.Locale is null && c.Key.Channel is null).Select(c => (c.Key.Day, c.Key.Returned, c.Key.Gap, c.Value)).ToList();

        Assert.Equal((1L, 2L), ReuseCounter.Distinct(all, Start.AddDays(1), Start.AddDays(7)));
        Assert.Equal((0L, 2L), ReuseCounter.Distinct(all, Start.AddDays(3), Start.AddDays(9)));
        Assert.Equal((1L, 2L), ReuseCounter.Distinct(all, Start, Start.AddDays(9)));
        Assert.Equal((0L, 0L), ReuseCounter.Distinct(all, Start.AddDays(4), Start.AddDays(8)));
    }

    [Fact]
    public void Distinct_EqualsADistinctCountOverTheRows_ForEveryPeriodTheGapsCover()
    {
        var row = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 39], Gen.Int[0, 1], Gen.Int[0, 1], Gen.Bool).Select(r => Row(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5));
        Gen.Select(row.Array[0, 80], Gen.Int[1, 8], Gen.Int[0, 39], Gen.Int[0, 2], Gen.Int[0, 2]).Sample((rows, maxGap, from, locale, channel) =>
        {
            var counter = new ReuseCounter(DateOnly.MinValue, maxGapDays: maxGap);
            // Fed in two parts, as the full build feeds a week at a time.
            var ordered = rows.OrderBy(r => r.Day).ToList();
            counter.Add(ordered.Where(r => r.Day < Start.AddDays(20)));
            counter.Add(ordered.Where(r => r.Day >= Start.AddDays(20)));
            var cell = counter.Counts.Where(c => c.Key.Locale == Locales[locale] && c.Key.Channel == Channels[channel])
                .Select(c => (c.Key.Day, c.Key.Returned, c.Key.Gap, c.Value)).ToList();
            for (var days = 1; days <= maxGap + 1; days++)
            {
                var (first, last) = (Start.AddDays(from), Start.AddDays(from + days - 1));
                var inPeriod = rows.Where(r => r.Day >= first && r.Day <= last && (Locales[locale] is not { } l || r.Locale == l)
                    && (Channels[channel] is not { } ch || r.Channel == ch)).ToList();
                var expected = ((long)inPeriod.Where(r => r.Returned).Select(r => r.UserRef).Distinct().Count(), (long)inPeriod.Select(r => r.UserRef).Distinct().Count());
                Assert.Equal(expected, ReuseCounter.Distinct(cell, first, last));
            }
        }, iter: 300);
    }

    [Fact]
    public void Counts_OfAReplacedSpan_MoveByTheDifferenceOfTheDaysAroundIt_AsAFullCountWould()
    {
        // Rows over 60 days; days [first, last] are replaced. Counting only those days and the next active day
        // after them (with the look-back and look-ahead of the gap limit) must move the counts exactly as a full count.
        var row = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 59], Gen.Int[0, 1], Gen.Int[0, 1], Gen.Bool).Select(r => Row(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5));
        Gen.Select(row.Array[0, 60], row.Array[0, 20], Gen.Int[0, 59], Gen.Int[0, 9], Gen.Int[1, 12]).Sample((rows, replacement, from, length, maxGap) =>
        {
            var (first, last) = (Start.AddDays(from), Start.AddDays(from + length));
            var outside = rows.Where(r => r.Day < first || r.Day > last).ToList();
            var old = rows.Where(r => r.Day >= first && r.Day <= last).ToList();
            var fresh = replacement.Where(r => r.Day >= first && r.Day <= last).ToList();
            var around = outside.Where(r => r.Day >= first.AddDays(-maxGap) && r.Day <= last.AddDays(maxGap)).ToList();

            var before = new ReuseCounter(first, last, maxGap);
            before.Add(around.Concat(old));
            var after = new ReuseCounter(first, last, maxGap);
            after.Add(around.Concat(fresh));
            var fullBefore = new ReuseCounter(DateOnly.MinValue, maxGapDays: maxGap);
            fullBefore.Add(outside.Concat(old));
            var fullAfter = new ReuseCounter(DateOnly.MinValue, maxGapDays: maxGap);
            fullAfter.Add(outside.Concat(fresh));

            Assert.Equal(Delta(fullBefore.Counts, fullAfter.Counts), Delta(before.Counts, after.Counts));
        }, iter: 500);
    }

    private static List<string> Delta(Dictionary<ReuseCounter.Key, long> before, Dictionary<ReuseCounter.Key, long> after) =>
        before.Keys.Union(after.Keys).Select(k => (Key: k, Change: after.GetValueOrDefault(k) - before.GetValueOrDefault(k))).Where(d => d.Change != 0)
            .Select(d => ReuseCounter.Fingerprint(d.Key, d.Change)).Order(StringComparer.Ordinal).ToList();
}
