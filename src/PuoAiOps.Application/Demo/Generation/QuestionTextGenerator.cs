using System.Text;
using PuoAiOps.Application.Demo.Content;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// Writes user questions from the intent templates: fills {slots} from the word lists and adds the
/// openers, closers and (already redacted) personal-data markers real users type.
/// </summary>
internal sealed class QuestionTextGenerator(WordLists words, DemoRandom random)
{
    /// <summary>Share of questions in which the user typed contact or payment details (seen as markers).</summary>
    public const double PiiShare = 0.09;

    public string ForIntent(IntentSpec intent, string language) =>
        Decorate(Core(intent, language), language, random.Chance(PiiShare));

    public string OutOfScope(string language) => Decorate(random.Pick(words.OutOfScope[language]), language, withPii: false);

    /// <summary>Too short or vague to label: no decoration beyond a closer, as people type them.</summary>
    public string Unclear(string language) =>
        random.Pick(words.Prefixes[language]) + random.Pick(words.Unclear[language]) + random.Pick(words.Suffixes[language]);

    public string Multi(IntentSpec first, IntentSpec second, string language) =>
        Decorate(Core(first, language) + random.Pick(words.MultiJoiners[language]) + Core(second, language), language, random.Chance(PiiShare));

    /// <summary>A short follow-up line of the given mood ("negative", "positive", "question").</summary>
    public string FollowUp(string mood, string language) => random.Pick(words.FollowUps[mood][language]);

    private string Core(IntentSpec intent, string language)
    {
        var templates = intent.Templates.TryGetValue(language, out var own) && own.Count > 0 ? own : intent.Templates[DemoLocales.Other(language)];
        return Fill(random.Pick(templates), language);
    }

    private string Fill(string template, string language)
    {
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) break;
            var close = template.IndexOf('}', open);
            sb.Append(template, i, open - i);
            var slot = template[(open + 1)..close];
            sb.Append(slot == "order_ref" ? "RC-" + random.Code(6) : random.Pick(Slot(slot, language)));
            i = close + 1;
        }
        sb.Append(template, i, template.Length - i);
        return sb.ToString();
    }

    private List<string> Slot(string slot, string language) =>
        words.Slots.TryGetValue(slot, out var byLanguage)
            ? byLanguage.TryGetValue(language, out var list) ? list : byLanguage[DemoLocales.English]
            : throw new InvalidDataException($"Demo template uses unknown slot '{{{slot}}}'.");

    private string Decorate(string core, string language, bool withPii)
    {
        var prefix = random.Pick(words.Prefixes[language]);
        if (language == DemoLocales.English && prefix.Length == 0 && random.Chance(0.4))
            core = char.ToUpperInvariant(core[0]) + core[1..];
        var pii = withPii ? random.Pick(words.Pii[language]) : "";
        return prefix + core + pii + random.Pick(words.Suffixes[language]);
    }
}
