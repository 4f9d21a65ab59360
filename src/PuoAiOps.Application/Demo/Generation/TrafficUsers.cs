using PuoAiOps.Application.Demo.Content;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>A platform user seen by the bot, by pseudonymous reference only.</summary>
internal sealed class TrafficUser(string userRef, string locale, string channel, bool isStreamer)
{
    public string Ref { get; } = userRef;
    public string Locale { get; } = locale;
    public string Channel { get; } = channel;
    public bool IsStreamer { get; } = isStreamer;
    public DemoIntent? LastIntent { get; set; }
}

/// <summary>
/// Decides who writes at each moment: someone due back (a same-intent recontact after a failed
/// conversation, or a return with a new question days later) or a new user. Keeping both kinds of
/// return is what gives the reuse and failure-recontact indicators real, separable data.
/// </summary>
internal sealed class TrafficUsers(DemoRandom random)
{
    private static readonly string[] Channels = ["app", "web", "email"];
    private static readonly double[] ChannelWeights = [0.7, 0.22, 0.08];

    private readonly PriorityQueue<(TrafficUser User, DemoIntent? Recontact), DateTime> _due = new();

    /// <summary>The user of a conversation starting at <paramref name="at"/>, and the intent when it is a recontact.</summary>
    public (TrafficUser User, DemoIntent? Recontact) Next(DateTime at)
    {
        if (_due.TryPeek(out var visit, out var dueAt) && dueAt <= at)
        {
            _due.Dequeue();
            // A recontact that slipped past a day is just a return: the indicator window is 24 h.
            return at - dueAt > TimeSpan.FromHours(20) ? (visit.User, null) : visit;
        }
        var locale = random.Chance(0.55) ? DemoLocales.Chinese : DemoLocales.English;
        var user = new TrafficUser("u_" + random.Code(8).ToLowerInvariant(), locale, Channels[random.Weighted(ChannelWeights)], random.Chance(0.12));
        return (user, null);
    }

    public void ScheduleRecontact(TrafficUser user, DemoIntent intent, DateTime at) => _due.Enqueue((user, intent), at);

    public void ScheduleReturn(TrafficUser user, DateTime at) => _due.Enqueue((user, null), at);
}
