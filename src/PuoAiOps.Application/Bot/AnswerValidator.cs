using System.Text.Json;
using System.Text.RegularExpressions;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Bot;

/// <summary>A model answer that passed validation: its text and the passages it cites.</summary>
public sealed record ValidatedAnswer(string Text, IReadOnlyList<long> Citations);

/// <summary>
/// The gate between the LLM and the user. The model must answer with the JSON the answer prompt
/// asks for; the answer must cite at least one passage and only passages that were retrieved for
/// this question, hold no personal data, link only to allowed domains, and contain neither the
/// prompt's canary nor any run of the system prompt's words. Anything else is rejected with a reason
/// (for the trace) and the pipeline falls back; no unvalidated text ever reaches the user.
/// </summary>
public static partial class AnswerValidator
{
    public const int MaxAnswerLength = 2000;

    /// <summary>Words in a row shared with the system prompt that count as leaking it.</summary>
    private const int LeakRun = 8;

    /// <param name="retrieved">The labels the passages were shown with (P1, P2…) and their chunk ids.</param>
    public static (ValidatedAnswer? Answer, CodedMessage? Rejection) Validate(
        string? output, IReadOnlyDictionary<string, long> retrieved, string canary, string systemPrompt, PiiRedactor redactor, IReadOnlyList<string> allowedDomains)
    {
        if (string.IsNullOrWhiteSpace(output)) return (null, R(AnswerRejection.EmptyOutput));
        if (!TryParse(output, out var text, out var citations)) return (null, R(AnswerRejection.NotTheJson));
        if (string.IsNullOrWhiteSpace(text)) return (null, R(AnswerRejection.PassagesInsufficient));
        if (text.Length > MaxAnswerLength) return (null, R(AnswerRejection.TooLong, MaxAnswerLength));
        if (ContainsCanary(text, canary) || ContainsCanary(output, canary)) return (null, R(AnswerRejection.CanaryLeaked));
        if (LeaksSystemPrompt(text, systemPrompt)) return (null, R(AnswerRejection.RepeatsSystemPrompt));
        foreach (Match marker in CitationMarker().Matches(text)) citations.Add(marker.Groups[1].Value.ToUpperInvariant());
        if (citations.Count == 0) return (null, R(AnswerRejection.NoCitation));
        var foreign = citations.Where(c => !retrieved.ContainsKey(c)).Distinct().ToList();
        if (foreign.Count > 0) return (null, R(AnswerRejection.ForeignCitation, string.Join(", ", foreign)));
        if (redactor.Redact(text).Changed) return (null, R(AnswerRejection.PersonalData));
        foreach (Match link in Link().Matches(text))
        {
            if (!Uri.TryCreate(link.Value.TrimEnd('.', ',', ')', '。'), UriKind.Absolute, out var uri) || !IsAllowed(uri.Host, allowedDomains))
                return (null, R(AnswerRejection.LinkNotAllowed, Host(link.Value)));
        }
        if (BareDomain().Match(text) is { Success: true } bare && !IsAllowed(bare.Groups[1].Value, allowedDomains))
            return (null, R(AnswerRejection.DomainNotAllowed, bare.Groups[1].Value));
        if (InjectionScreen.Check(text).Verdict == ScreenVerdict.Injection) return (null, R(AnswerRejection.PromptMarkup));
        // The reader sees the answer without the prompt's labels; the chunk ids go in the response and trace.
        var clean = CitationMarker().Replace(text, "").Replace(" .", ".", StringComparison.Ordinal).Trim();
        return (new ValidatedAnswer(clean, citations.Select(c => retrieved[c]).Distinct().ToList()), null);
    }

    private static CodedMessage R(AnswerRejection code, params object[] args) => CodedMessage.Of(code, args);

    private static bool TryParse(string output, out string text, out List<string> citations)
    {
        text = "";
        citations = [];
        var json = output.Trim();
        if (json.StartsWith("```", StringComparison.Ordinal))
        {
            var start = json.IndexOf('{');
            var end = json.LastIndexOf('}');
            if (start < 0 || end <= start) return false;
            json = json[start..(end + 1)];
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return false;
            if (!root.TryGetProperty("answer", out var answer) || answer.ValueKind != JsonValueKind.String) return false;
            if (root.TryGetProperty("citations", out var cited))
            {
                if (cited.ValueKind != JsonValueKind.Array) return false;
                foreach (var c in cited.EnumerateArray())
                {
                    if (c.ValueKind != JsonValueKind.String || c.GetString() is not { Length: > 0 } label) return false;
                    citations.Add(label.Trim('[', ']', ' ').ToUpperInvariant());
                }
            }
            text = answer.GetString() ?? "";
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static bool ContainsCanary(string text, string canary)
    {
        if (canary.Length == 0) return false;
        var squeezed = Squeeze(text);
        return text.Contains(canary, StringComparison.OrdinalIgnoreCase) || squeezed.Contains(Squeeze(canary), StringComparison.OrdinalIgnoreCase);
    }

    private static string Squeeze(string text) => new(text.Where(char.IsLetterOrDigit).ToArray());

    internal static bool LeaksSystemPrompt(string text, string systemPrompt)
    {
        var prompt = Words(systemPrompt);
        if (prompt.Count < LeakRun) return false;
        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + LeakRun <= prompt.Count; i++) runs.Add(string.Join(' ', prompt.Skip(i).Take(LeakRun)));
        var answer = Words(text);
        for (var i = 0; i + LeakRun <= answer.Count; i++)
            if (runs.Contains(string.Join(' ', answer.Skip(i).Take(LeakRun)))) return true;
        return false;
    }

    private static List<string> Words(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    internal static bool IsAllowed(string host, IReadOnlyList<string> allowed) =>
        allowed.Any(d => host.Equals(d, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    private static string Host(string link) => Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.Host : link;

    [GeneratedRegex(@"\s?\[(P\d{1,3})\]", RegexOptions.IgnoreCase)]
    private static partial Regex CitationMarker();

    [GeneratedRegex(@"\b(?:https?|ftp)://[^\s<>""'）)\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w@/.])((?:[a-z0-9-]+\.)+(?:com|net|org|io|cn|ru|xyz|top|info|biz|co|me|app|link|site|online))\b(?!@)", RegexOptions.IgnoreCase)]
    private static partial Regex BareDomain();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
