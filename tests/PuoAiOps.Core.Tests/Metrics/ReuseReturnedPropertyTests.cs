using CsCheck;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Core.Tests.Metrics;

/// <summary>
/// The stored per-visit "returned" flag must give exactly the reuse rate's definition: for any visits,
/// period, window and cohort, the distinct users with a visit in the period, and of those the ones with
/// a returned visit, equal <see cref="ReuseCalculator.Compute"/> on the raw visits.
/// </summary>
public sealed class ReuseReturnedPropertyTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    // Few users, intents and half-hour slots, so same-time visits, recontacts and window edges happen often.
    private static readonly Gen<Visit[]> Visits =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 20 * 48], Gen.Int[0, 2]).Array[0, 60].Select(raw =>
            raw.Select((v, i) => new Visit(i + 1, "u" + v.Item1, Start.AddMinutes(30 * v.Item2), v.Item3 == 0 ? null : v.Item3)).ToArray());

    [Fact]
    public void Returned_AggregatedPerUser_EqualsTheReuseDefinition()
    {
        Gen.Select(Visits, Gen.Int[0, 15], Gen.Int[1, 7], Gen.Int[1, 7], Gen.Int[0, 3]).Sample((visits, fromDay, days, window, cohortMod) =>
        {
            var from = Start.AddDays(fromDay);
            var to = from.AddDays(days);
            HashSet<long>? cohort = cohortMod == 0 ? null : visits.Where(v => v.Id % cohortMod == 0).Select(v => v.Id).ToHashSet();
            // The definition sees the visits of the period plus N days, as the live query loaded them.
            var loaded = visits.Where(v => v.StartedAtUtc >= from && v.StartedAtUtc < to.AddDays(window)).ToList();
            var expected = ReuseCalculator.Compute(loaded, from, to, window, to.AddDays(30), cohort).Users;

            // The flags are computed once over all visits, as the rollup job stores them.
            var returned = ReuseCalculator.Returned(visits, window);
            var inPeriod = visits.Where(v => v.StartedAtUtc >= from && v.StartedAtUtc < to && cohort?.Contains(v.Id) != false).ToList();
            var active = inPeriod.Select(v => v.UserRef).Distinct().LongCount();
            var back = inPeriod.Where(v => returned.Contains(v.Id)).Select(v => v.UserRef).Distinct().LongCount();
            Assert.Equal(expected, Ratio.Of(back, active));
        }, iter: 2000);
    }
}
