using System.Text.RegularExpressions;
using PuoAiOps.Application.Demo.Content;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>Bot answer texts as the bot would have sent them: scripts with placeholders filled, SOP summaries, fixed replies.</summary>
internal sealed partial class AnswerRenderer(WordLists words, IReadOnlyDictionary<(string Slug, string Locale), SopSource> sops, DemoRandom random)
{
    public const string AppVersion = "8.4.2";

    public SopSource? FindSop(string? slug, string locale) =>
        slug is not null && sops.TryGetValue((slug, locale), out var source) ? source : null;

    public string Script(string body, string locale, DateTime at) =>
        Placeholder().Replace(body, m => Value(m.Groups[1].Value, locale, at));

    public string Sop(SopSource source) => words.SopIntro[source.Locale].Replace("{title}", source.Meta.Title, StringComparison.Ordinal) + source.Meta.Summary;

    /// <summary>A generated answer grounded in an SOP that exists only in English, given in the user's locale.</summary>
    public static string Generated(SopSource englishSource, string locale) =>
        locale == DemoLocales.Chinese ? englishSource.Meta.SummaryZh ?? englishSource.Meta.Summary : englishSource.Meta.Summary;

    public string Fallback(string locale) => random.Pick(words.Fallback[locale]);

    public string OutOfScope(string locale) => random.Pick(words.OutOfScopeReply[locale]);

    public string Closing(string locale) => random.Pick(words.Closing[locale]);

    public string Handoff(string locale, DateTime at) => Script(random.Pick(words.Handoff[locale]), locale, at);

    private string Value(string name, string locale, DateTime at) => name switch
    {
        "user_name" => locale == DemoLocales.Chinese ? "亲爱的用户" : "there",
        "order_id" => "RC-" + random.Code(6),
        "ticket_id" => "CS-" + random.Code(7),
        "amount" => random.Pick(words.Slots["amount"][locale]),
        "coins" => random.Pick(words.Slots["coins"][locale]),
        "streamer_name" => random.Pick(words.Slots["streamer"][locale]),
        "payout_date" => at.AddDays(2 + random.Next(5)).ToString("yyyy-MM-dd"),
        "date" => at.AddDays(10 + random.Next(20)).ToString("yyyy-MM-dd"),
        "app_version" => AppVersion,
        _ => throw new InvalidDataException($"Demo script uses unknown placeholder '{{{{{name}}}}}'."),
    };

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
