using PuoAiOps.Application.Demo.Content;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Text;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// The historical question set: distinct normalised texts over the 90-day window from the bot log,
/// email and a ticket export, most labelled, some out of scope, the rest waiting for annotation.
/// </summary>
internal sealed class QuestionBuilder(DemoTaxonomy taxonomy, WordLists words)
{
    public const int Count = 3_000;

    private static readonly string[] Sources = ["bot_log", "email", "ticket_export"];
    private static readonly double[] SourceWeights = [0.65, 0.15, 0.20];

    /// <summary>Distinct candidate texts, a few more than needed so texts already in the database can be skipped.</summary>
    public List<QuestionDraft> Drafts(int count)
    {
        var random = DemoRandom.For(3);
        var generator = new QuestionTextGenerator(words, random);
        var weights = taxonomy.Intents.Select(i => i.Spec.Weight).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var drafts = new List<QuestionDraft>(count);
        for (var attempts = 0; drafts.Count < count; attempts++)
        {
            if (attempts > count * 20) throw new InvalidOperationException("The demo templates cannot produce enough distinct questions.");
            var locale = random.Chance(0.55) ? DemoLocales.Chinese : DemoLocales.English;
            var language = random.Chance(0.92) ? locale : DemoLocales.Other(locale);
            var roll = random.NextDouble();
            var intent = taxonomy.Intents[random.Weighted(weights)];
            QuestionDraft draft = roll switch
            {
                < 0.05 => Draft(generator.OutOfScope(language), locale, QuestionKind.OutOfScope, null, null),
                < 0.10 => Draft(generator.Unclear(language), locale, QuestionKind.Unclear, null, null),
                < 0.14 => MultiDraft(generator, random, intent, language, locale),
                _ => Draft(generator.ForIntent(intent.Spec, language), locale, QuestionKind.Single, intent, null),
            };
            if (seen.Add(draft.Hash)) drafts.Add(draft);
        }
        return drafts;
    }

    /// <summary>Stores the first <see cref="Count"/> drafts whose text is not in the database yet.</summary>
    public List<DemoQuestion> Build(IEnumerable<QuestionDraft> drafts, IReadOnlySet<string> taken, DemoDataSet set, DemoIds ids, DateTime now)
    {
        var random = DemoRandom.For(4);
        var calendar = new TrafficCalendar(now);
        var result = new List<DemoQuestion>(Count);
        foreach (var draft in drafts.Where(d => !taken.Contains(d.Hash)).Take(Count))
        {
            var createdAt = calendar.Sample(random, draft.Locale);
            var source = Sources[random.Weighted(SourceWeights)];
            var question = new Question
            {
                Id = ids.Next<Question>(),
                ExternalId = $"{source}-{random.Code(8)}",
                Text = draft.Text,
                TextHash = draft.Hash,
                UserRef = "u_" + random.Code(8).ToLowerInvariant(),
                Channel = source switch
                {
                    "email" => "email",
                    "bot_log" => random.Chance(0.75) ? "app" : "web",
                    _ => random.Pick(["app", "web", "email"]),
                },
                Locale = draft.Locale,
                Source = source,
                CreatedAt = createdAt,
                ImportedAt = Min(createdAt.AddHours(random.Between(1, 30)), now),
                IsDemo = true,
            };
            // Most people write in more than once: three questions in four share their user with a
            // neighbour, so the labeling page has the same user's other questions to show as context.
            // (The fresh code above is still drawn, so the rest of the workspace stays as it was.)
            if (result.Count % 4 is 1 or 2) question.UserRef = result[^1].Entity.UserRef;
            Label(question, draft, random);
            set.Questions.Add(question);
            result.Add(new DemoQuestion(question, draft.Kind, draft.Intent));
        }
        return result;
    }

    /// <summary>Final labels as earlier annotation rounds left them; a few are wrong, as in real data.</summary>
    private void Label(Question question, QuestionDraft draft, DemoRandom random)
    {
        switch (draft.Kind)
        {
            case QuestionKind.Single when random.Chance(0.62):
            case QuestionKind.Multi when random.Chance(0.45):
                var intent = random.Chance(0.03) ? random.Pick(draft.Intent!.Neighbours) : draft.Intent!;
                question.FinalIntentId = intent.Entity.Id;
                question.FinalLabelSource = random.Weighted([0.7, 0.15, 0.15]) switch { 0 => "consensus", 1 => "adjudicated", _ => "legacy_import" };
                break;
            case QuestionKind.OutOfScope when random.Chance(0.6):
                question.FinalOutOfScope = true;
                question.FinalLabelSource = "consensus";
                break;
        }
    }

    private QuestionDraft MultiDraft(QuestionTextGenerator generator, DemoRandom random, DemoIntent first, string language, string locale)
    {
        var second = taxonomy.Intents[random.Next(taxonomy.Intents.Count)];
        if (second == first) second = first.Neighbours[0];
        return Draft(generator.Multi(first.Spec, second.Spec, language), locale, QuestionKind.Multi, first, second);
    }

    private static QuestionDraft Draft(string text, string locale, QuestionKind kind, DemoIntent? intent, DemoIntent? second) =>
        new(text, TextNormalizer.Hash(text), locale, kind, intent, second);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
