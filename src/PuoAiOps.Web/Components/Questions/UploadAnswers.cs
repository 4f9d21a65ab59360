using System.Text.Json;

namespace PuoAiOps.Web.Components.Questions;

/// <summary>
/// Reads the upload endpoint's answer as the import page's script passes it on: 201 with the run id, or problem
/// details whose field errors (else title) say what to fix. The messages are the importer's own (English, they
/// name configuration keys such as Import:MaxFileBytes).
/// </summary>
public static class UploadAnswers
{
    public sealed record Answer(long? RunId, string? Message);

    public static Answer Read(int status, string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return new(null, null);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (status == 201 && root.TryGetProperty("runId", out var id) && id.TryGetInt64(out var runId)) return new(runId, null);
            var messages = new List<string>();
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                foreach (var field in errors.EnumerateObject())
                    if (field.Value.ValueKind == JsonValueKind.Array)
                        messages.AddRange(field.Value.EnumerateArray().Select(m => m.GetString()).OfType<string>());
            if (messages.Count == 0 && root.TryGetProperty("title", out var title) && title.GetString() is { } text) messages.Add(text);
            return new(null, messages.Count == 0 ? null : string.Join(" ", messages));
        }
        catch (JsonException)
        {
            // Not ours (a proxy's error page): the status says enough.
            return new(null, null);
        }
    }
}
