namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// When demo users write: 90 days ending at "now", growing slowly, busier on weekends and in the
/// local evening (Chinese users at UTC+8, English users spread over the Americas, Europe and Asia),
/// with three incidents whose intents spike so the dashboards have something to find.
/// </summary>
internal sealed class TrafficCalendar
{
    public const int Days = 90;

    // Local hour of day, 00-23: quiet at night, a lunch bump, the evening live-streaming peak.
    private static readonly double[] LocalHour =
        [3, 2, 1.2, 0.8, 0.6, 0.6, 1, 1.8, 2.8, 3.4, 3.8, 4, 4.2, 4, 3.8, 3.8, 4, 4.4, 5, 6, 7, 7.4, 6.6, 5];

    // Monday..Sunday.
    private static readonly double[] Weekday = [0.92, 0.9, 0.93, 0.97, 1.08, 1.2, 1.15];

    private static readonly int[] EnglishOffsets = [-5, -8, 0, 1, 8];
    private static readonly double[] EnglishOffsetWeights = [3, 2, 2, 2, 1];

    private readonly DateTime _now;
    private readonly DateTime _firstDay;
    private readonly double[] _dayWeights;

    public TrafficCalendar(DateTime now)
    {
        _now = now;
        WindowStart = now.AddDays(-Days);
        _firstDay = WindowStart.Date;
        _dayWeights = new double[Days + 1];
        for (var d = 0; d <= Days; d++)
        {
            var date = _firstDay.AddDays(d);
            var growth = 1 + 0.3 * d / Days;
            _dayWeights[d] = growth * Weekday[((int)date.DayOfWeek + 6) % 7] * VolumeBoost(date);
        }
    }

    public DateTime WindowStart { get; }

    private DateTime PaymentIncidentDay => _now.Date.AddDays(-23);
    private DateTime CrashReleaseDay => _now.Date.AddDays(-51);
    private DateTime PkCupStart => _now.Date.AddDays(-12);

    /// <summary>A moment in the window, shaped by day, weekday and the locale's evening peak.</summary>
    public DateTime Sample(DemoRandom random, string locale)
    {
        while (true)
        {
            var day = random.Weighted(_dayWeights);
            var localHour = random.Weighted(LocalHour);
            var offset = locale == "zh-CN" ? 8 : EnglishOffsets[random.Weighted(EnglishOffsetWeights)];
            var at = _firstDay.AddDays(day).AddHours(localHour - offset).AddSeconds(random.Next(3600));
            if (at > WindowStart && at <= _now.AddMinutes(-2)) return at;
        }
    }

    /// <summary>How much more often than usual an intent comes up on a given day.</summary>
    public double IntentBoost(string intentKey, DateTime at)
    {
        var date = at.Date;
        if (date == PaymentIncidentDay)
            return intentKey switch { "recharge_not_credited" => 8, "payment_failed" => 4, "duplicate_charge" => 3, _ => 1 };
        if (date == CrashReleaseDay || date == CrashReleaseDay.AddDays(1))
            return intentKey switch { "app_crash" => 6, "app_install_update" => 3, _ => 1 };
        if (date >= PkCupStart && date < PkCupStart.AddDays(5))
            return intentKey switch { "event_reward_missing" => 3, "co_host_pk" => 2.5, "gift_sent_not_shown" => 1.6, _ => 1 };
        return 1;
    }

    private double VolumeBoost(DateTime date) =>
        date == PaymentIncidentDay ? 1.5
        : date == CrashReleaseDay || date == CrashReleaseDay.AddDays(1) ? 1.25
        : 1;
}
