using CsCheck;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>Where a generated conversation came from: test traffic is stored as the web channel with IsTest set.</summary>
public enum TrafficChannel { App, Web, Playground, Test }

/// <summary>
/// One generated conversation: a user index, a time slot from the start of the generated period, a locale (0 = en,
/// 1 = zh-CN), a channel, an intent index (0 = none) and the rollup run that writes it.
/// </summary>
public sealed record GeneratedConversation(int User, int Slot, int Locale, TrafficChannel Channel, int Intent, int Run)
{
    /// <summary>The stored conversation: five minutes long, resolved; <paramref name="intentIds"/> maps the intent index (its [0] is null).</summary>
    public Conversation ToEntity(DateTime start, TimeSpan slot, IReadOnlyList<int?> intentIds) => new()
    {
        UserRef = "u" + User,
        StartedAt = start + slot * Slot,
        EndedAt = start + slot * Slot + TimeSpan.FromMinutes(5),
        IntentId = intentIds[Intent],
        Locale = Locale == 0 ? "en" : "zh-CN",
        Channel = Channel switch { TrafficChannel.App => "app", TrafficChannel.Playground => "playground", _ => "web" },
        IsTest = Channel == TrafficChannel.Test,
        Outcome = ConversationOutcome.Resolved,
    };
}

/// <summary>
/// The random traffic of the reuse property tests (per-user daily rows, per-day reuse counts): few users, so that
/// they come back, over a couple of weeks, in both locales and on the channels the metrics include and leave out.
/// </summary>
public static class ReuseTraffic
{
    /// <param name="users">distinct users.</param>
    /// <param name="slots">time slots from the start of the period.</param>
    /// <param name="intents">intent indexes above 0 (0 = no intent is always possible).</param>
    /// <param name="runs">rollup runs the conversations are spread over.</param>
    /// <param name="testTraffic">whether test traffic (IsTest) is generated too.</param>
    public static Gen<GeneratedConversation> Conversation(int users, int slots, int intents = 0, int runs = 1, bool testTraffic = false) =>
        Gen.Select(Gen.Int[0, users - 1], Gen.Int[0, slots - 1], Gen.Int[0, 1], Channel(testTraffic), Gen.Int[0, intents], Gen.Int[0, runs - 1],
            (user, slot, locale, channel, intent, run) => new GeneratedConversation(user, slot, locale, channel, intent, run));

    // Mostly the app; the playground (and test traffic) are what the metrics leave out.
    private static Gen<TrafficChannel> Channel(bool testTraffic) => testTraffic
        ? Gen.Frequency((6, TrafficChannel.App), (2, TrafficChannel.Web), (1, TrafficChannel.Playground), (1, TrafficChannel.Test))
        : Gen.Frequency((2, TrafficChannel.App), (1, TrafficChannel.Web), (1, TrafficChannel.Playground));
}
