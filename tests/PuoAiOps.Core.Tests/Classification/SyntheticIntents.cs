using PuoAiOps.Core.Classification;

namespace PuoAiOps.Core.Tests.Classification;

/// <summary>Small generated intent sets: each intent has its own keywords, with some words borrowed from other intents as noise.</summary>
internal static class SyntheticIntents
{
    private static readonly (string Label, string[] Keywords, string Joiner)[] Intents =
    [
        ("refund", ["refund", "money", "back", "return", "charged", "twice"], " "),
        ("password", ["password", "login", "reset", "account", "locked", "forgot"], " "),
        ("stream", ["stream", "live", "broadcast", "camera", "lagging", "start"], " "),
        ("gift", ["gift", "coins", "recharge", "wallet", "top", "send"], " "),
        ("ban", ["ban", "blocked", "violation", "appeal", "suspended", "why"], " "),
        ("zh_stream", ["直播", "开播", "推流", "镜头", "画面", "卡顿"], ""),
    ];

    private static readonly string[] Fillers = ["how", "do", "i", "my", "the", "please", "can", "you", "help", "with", "what", "is", "a", "to"];
    private static readonly string[] Unrelated = ["weather", "pizza", "football", "movie", "song", "recipe", "cat", "holiday", "math", "tax", "moon", "guitar"];

    public static string[] Labels => Intents.Select(i => i.Label).ToArray();

    public static List<LabeledText> Generate(int perIntent, int seed, double noise = 0.1, int outOfScope = 0)
    {
        var random = new Random(seed);
        var items = new List<LabeledText>();
        for (var n = 0; n < perIntent; n++)
        {
            for (var i = 0; i < Intents.Length; i++)
            {
                var (label, keywords, joiner) = Intents[i];
                var words = new List<string>();
                for (var w = 0; w < 3; w++)
                {
                    var source = random.NextDouble() < noise ? Intents[random.Next(Intents.Length)].Keywords : keywords;
                    words.Add(source[random.Next(source.Length)]);
                }
                var core = string.Join(joiner, words);
                items.Add(new LabeledText(joiner.Length == 0 ? "我的" + core + "怎么办" : $"{Pick(random, Fillers)} {Pick(random, Fillers)} {core} {Pick(random, Fillers)}", label));
            }
        }
        for (var n = 0; n < outOfScope; n++)
            items.Add(new LabeledText($"{Pick(random, Fillers)} {Pick(random, Unrelated)} {Pick(random, Fillers)} {Pick(random, Unrelated)}", "oos"));
        return items;
    }

    /// <summary>
    /// <paramref name="intents"/> intents with made-up keywords of their own (intent7 uses "k7w0".."k7w5"):
    /// enough classes that training splits them into several blocks solved on different threads.
    /// </summary>
    public static List<LabeledText> GenerateMany(int intents, int perIntent, int seed, double noise = 0.15)
    {
        var random = new Random(seed);
        var items = new List<LabeledText>();
        for (var n = 0; n < perIntent; n++)
        {
            for (var i = 0; i < intents; i++)
            {
                var words = new List<string> { Pick(random, Fillers) };
                for (var w = 0; w < 3; w++)
                {
                    var source = random.NextDouble() < noise ? random.Next(intents) : i;
                    words.Add($"k{source}w{random.Next(6)}");
                }
                words.Add(Pick(random, Fillers));
                items.Add(new LabeledText(string.Join(' ', words), $"intent{i}"));
            }
        }
        return items;
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
