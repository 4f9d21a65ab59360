using System.Globalization;
using System.Text.Json;

namespace PuoAiOps.Application.Classification.Llm;

/// <summary>A validated LLM answer.</summary>
public sealed record LlmAnswer(string Intent, float Confidence, string? Rationale);

/// <summary>
/// Reads the model's <c>{"intent", "confidence", "rationale"}</c> answer. Tolerates a Markdown code
/// fence or text around the object; anything else — not JSON, an unknown intent, a confidence outside
/// 0..1 — is rejected with a reason (the caller counts it as a failure and falls back to out of scope).
/// </summary>
public static class LlmAnswerParser
{
    public static bool TryParse(string? content, IReadOnlySet<string> labels, out LlmAnswer? answer, out string reason)
    {
        answer = null;
        if (string.IsNullOrWhiteSpace(content)) return Fail("empty answer", out reason);
        var start = content.IndexOf('{', StringComparison.Ordinal);
        var end = content.LastIndexOf('}');
        if (start < 0 || end <= start) return Fail("no JSON object in the answer", out reason);
        try
        {
            using var doc = JsonDocument.Parse(content.AsMemory(start, end - start + 1));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail("the answer is not a JSON object", out reason);
            if (!TryGet(root, "intent", out var intentElement) || intentElement.ValueKind != JsonValueKind.String)
                return Fail("no \"intent\" string", out reason);
            var intent = intentElement.GetString()!.Trim();
            if (!labels.Contains(intent)) return Fail("the intent is not one of the offered keys", out reason);
            if (!TryGet(root, "confidence", out var confidenceElement) || !TryNumber(confidenceElement, out var confidence))
                return Fail("no numeric \"confidence\"", out reason);
            if (confidence is < 0 or > 1 || double.IsNaN(confidence)) return Fail("the confidence is outside 0..1", out reason);
            var rationale = TryGet(root, "rationale", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            answer = new LlmAnswer(intent, (float)confidence, rationale);
            reason = "";
            return true;
        }
        catch (JsonException)
        {
            return Fail("the answer is not valid JSON", out reason);
        }
    }

    private static bool TryGet(JsonElement root, string name, out JsonElement value)
    {
        foreach (var property in root.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        value = default;
        return false;
    }

    /// <summary>A JSON number, or a string holding one ("0.8"): some models quote numbers.</summary>
    private static bool TryNumber(JsonElement element, out double value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out value),
            JsonValueKind.String => double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }
}
