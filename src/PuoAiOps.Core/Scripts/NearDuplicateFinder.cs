using System.Text;
using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Scripts;

/// <summary>A script as the duplicate finder sees it. <see cref="Served"/> (times the bot sent it) decides which one to keep.</summary>
public sealed record ScriptText(long Id, string IntentKey, string Locale, string Channel, string Body, bool IsApproved, int Served = 0);

/// <summary>Two scripts that say nearly the same thing, and which one to keep.</summary>
public sealed record NearDuplicate(ScriptText Keep, ScriptText Merge, double Similarity, bool SameIntent, string Suggestion);

/// <summary>
/// Flags scripts of the same locale whose texts are nearly the same, within an intent (two channels
/// with one text) or across intents (two intents answered the same way). Similarity is the cosine of
/// character-trigram counts over the normalised text with placeholders removed: robust to small
/// edits, word order changes and Chinese text without spaces. All pairs are compared, which is fine
/// for the few thousand scripts a team keeps.
/// </summary>
public static class NearDuplicateFinder
{
    public const double DefaultThreshold = 0.8;

    public static IReadOnlyList<NearDuplicate> Find(IReadOnlyList<ScriptText> scripts, double threshold = DefaultThreshold)
    {
        var vectors = scripts.Select(s => Trigrams(s.Body)).ToList();
        var norms = vectors.Select(v => Math.Sqrt(v.Values.Sum(c => (double)c * c))).ToList();
        var found = new List<NearDuplicate>();
        for (var i = 0; i < scripts.Count; i++)
            for (var j = i + 1; j < scripts.Count; j++)
            {
                if (!string.Equals(scripts[i].Locale, scripts[j].Locale, StringComparison.Ordinal) || norms[i] == 0 || norms[j] == 0) continue;
                var similarity = Dot(vectors[i], vectors[j]) / (norms[i] * norms[j]);
                if (similarity < threshold) continue;
                var (keep, merge) = Order(scripts[i], scripts[j]);
                found.Add(new NearDuplicate(keep, merge, Math.Round(similarity, 3), keep.IntentKey == merge.IntentKey, Suggest(keep, merge, similarity)));
            }
        return found.OrderByDescending(d => d.Similarity).ThenBy(d => d.Keep.Id).ToList();
    }

    public static double Similarity(string a, string b)
    {
        var (va, vb) = (Trigrams(a), Trigrams(b));
        var norm = Math.Sqrt(va.Values.Sum(c => (double)c * c)) * Math.Sqrt(vb.Values.Sum(c => (double)c * c));
        return norm == 0 ? 0 : Dot(va, vb) / norm;
    }

    /// <summary>Keep the approved one, then the one served more, then the older one.</summary>
    private static (ScriptText Keep, ScriptText Merge) Order(ScriptText a, ScriptText b)
    {
        var aFirst = a.IsApproved != b.IsApproved ? a.IsApproved : a.Served != b.Served ? a.Served > b.Served : a.Id < b.Id;
        return aFirst ? (a, b) : (b, a);
    }

    private static string Suggest(ScriptText keep, ScriptText merge, double similarity)
    {
        var percent = (int)Math.Round(similarity * 100);
        return keep.IntentKey == merge.IntentKey
            ? $"The {merge.Channel} and {keep.Channel} scripts of {keep.IntentKey} ({keep.Locale}) are {percent}% the same: keep #{keep.Id} and retire #{merge.Id}, or make the {merge.Channel} text fit its channel."
            : $"{merge.IntentKey} and {keep.IntentKey} ({keep.Locale}) answer {percent}% the same way: merge #{merge.Id} into #{keep.Id} (and consider merging the intents), or make each answer its own question.";
    }

    private static Dictionary<string, int> Trigrams(string body)
    {
        var text = new StringBuilder(body.Length);
        foreach (var p in ScriptPlaceholders.Parse(body).Reverse()) body = body.Remove(p.Start, p.End - p.Start).Insert(p.Start, " ");
        foreach (var c in TextNormalizer.Normalize(body))
            text.Append(char.IsLetterOrDigit(c) ? c : ' ');
        var normalized = string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= normalized.Length; i++)
        {
            var gram = normalized.Substring(i, 3);
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }
        return counts;
    }

    private static double Dot(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double sum = 0;
        foreach (var (gram, count) in a)
            if (b.TryGetValue(gram, out var other)) sum += (double)count * other;
        return sum;
    }
}
