using PuoAiOps.Application.Demo.Content;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// 90 days of bot traffic: conversation start times from the calendar, users from the pool (new,
/// returning with a new question, or recontacting about the same problem), each played by the simulator.
/// </summary>
internal sealed class ConversationBuilder(DemoContent content, DemoTaxonomy taxonomy, ScriptTimeline scripts, IReadOnlyDictionary<(string Slug, string Locale), SopSource> sops)
{
    public const int Count = 20_000;
    public const double TestShare = 0.015;

    private static readonly string[] Channels = ["app", "web", "email"];

    public void Build(DemoDataSet set, DemoIds ids, DateTime now)
    {
        var random = DemoRandom.For(6);
        var calendar = new TrafficCalendar(now);
        var texts = new QuestionTextGenerator(content.Words, random);
        var answers = new AnswerRenderer(content.Words, sops, random);
        var aftermath = new ConversationAftermath(content.Words, set, ids, random, now);
        var simulator = new ConversationSimulator(taxonomy, scripts, answers, texts, aftermath, calendar, set, ids, random, now);
        var users = new TrafficUsers(random);

        var starts = Enumerable.Range(0, Count)
            .Select(_ => calendar.Sample(random, random.Chance(0.55) ? DemoLocales.Chinese : DemoLocales.English))
            .Order()
            .ToList();
        foreach (var start in starts)
        {
            if (random.Chance(TestShare))
            {
                var tester = new TrafficUser("playground:demo.chen", random.Pick(DemoLocales.All), "playground", isStreamer: false);
                simulator.Run(new ConversationRequest(tester, start, tester.Channel, QuestionKind.Single, PickIntent(random, calendar, tester, start), null, IsTest: true));
                continue;
            }

            var (user, recontact) = users.Next(start);
            var kind = recontact is not null ? QuestionKind.Single : (QuestionKind)random.Weighted([0.895, 0.045, 0.035, 0.025]);
            var truth = kind is QuestionKind.Single or QuestionKind.Multi ? recontact ?? PickIntent(random, calendar, user, start) : null;
            var second = kind == QuestionKind.Multi ? PickIntent(random, calendar, user, start) : null;
            if (second == truth) second = truth?.Neighbours[0];
            var channel = random.Chance(0.85) ? user.Channel : random.Pick(Channels);

            var failed = simulator.Run(new ConversationRequest(user, start, channel, kind, truth, second, IsTest: false));
            user.LastIntent = truth ?? user.LastIntent;

            var end = set.Conversations[^1].EndedAt ?? start;
            if (failed && truth is not null && random.Chance(0.3))
                users.ScheduleRecontact(user, truth, end.AddHours(random.Between(0.4, 20)));
            else if (random.Chance(user.IsStreamer ? 0.5 : 0.4))
                users.ScheduleReturn(user, end.AddHours(Math.Max(2, random.Exponential(5 * 24))));
        }
    }

    /// <summary>A new problem for this user: streamers ask mostly streamer questions, viewers rarely do; incidents boost their intents.</summary>
    private DemoIntent PickIntent(DemoRandom random, TrafficCalendar calendar, TrafficUser user, DateTime at)
    {
        while (true)
        {
            var weights = taxonomy.Intents
                .Select(i => i.Spec.Weight * calendar.IntentBoost(i.Spec.Key, at) * (i.IsStreamerTopic ? (user.IsStreamer ? 4 : 0.05) : (user.IsStreamer ? 0.4 : 1)))
                .ToList();
            var intent = taxonomy.Intents[random.Weighted(weights)];
            if (intent != user.LastIntent) return intent;
        }
    }
}
