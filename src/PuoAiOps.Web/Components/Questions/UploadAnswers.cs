using System.Globalization;
using System.Text.Json;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Import;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Web.Components.Questions;

/// <summary>
/// Reads the upload endpoint's answer as the import page's script passes it on: 201 with the run id, or problem
/// details. A refusal of the import's own (<see cref="QuestionFileMessage"/>, <see cref="QuestionRefusal"/>) comes
/// back as <see cref="Answer.Code"/>, rebuilt from the problem's <c>code</c> and <c>args</c>, for the page to word in
/// the reader's language; anything else (a busy database, a cut-off body) as the English of its field errors or title.
/// </summary>
public static class UploadAnswers
{
    /// <param name="Message">The problem's English, when it carries no code the page knows.</param>
    /// <param name="Code">The refusal as a code, with the limits, sizes and names as arguments.</param>
    public sealed record Answer(long? RunId, string? Message, CodedMessage? Code = null);

    private static readonly Type[] CodeEnums = [typeof(QuestionFileMessage), typeof(QuestionRefusal)];

    public static Answer Read(int status, string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return new(null, null);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new(null, null);
            if (status == 201 && root.TryGetProperty("runId", out var id) && id.TryGetInt64(out var runId)) return new(runId, null);
            var messages = new List<string>();
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                foreach (var field in errors.EnumerateObject())
                    if (field.Value.ValueKind == JsonValueKind.Array)
                        messages.AddRange(field.Value.EnumerateArray().Select(m => m.GetString()).OfType<string>());
            if (messages.Count == 0 && root.TryGetProperty("title", out var title) && title.GetString() is { } text) messages.Add(text);
            return new(null, messages.Count == 0 ? null : string.Join(" ", messages), CodeOf(root));
        }
        catch (JsonException)
        {
            // Not ours (a proxy's error page): the status says enough.
            return new(null, null);
        }
    }

    /// <summary>The problem's code and arguments as a message; null when absent, unknown or not matching its template.</summary>
    private static CodedMessage? CodeOf(JsonElement root)
    {
        if (!root.TryGetProperty("code", out var name) || name.ValueKind != JsonValueKind.String) return null;
        var code = CodeEnums.Select(t => Enum.TryParse(t, name.GetString(), ignoreCase: false, out var v) && Enum.IsDefined(t, v!) ? (Enum)v! : null)
            .FirstOrDefault(c => c is not null);
        if (code is null) return null;
        var args = new List<object>();
        if (root.TryGetProperty("args", out var items) && items.ValueKind == JsonValueKind.Array)
            foreach (var item in items.EnumerateArray())
                args.Add(item.ValueKind switch
                {
                    JsonValueKind.Number when item.TryGetInt64(out var whole) => whole,
                    JsonValueKind.Number => item.GetDouble(),
                    _ => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText(),
                });
        try
        {
            var message = CodedMessage.From(code, [.. args]);
            _ = string.Format(CultureInfo.InvariantCulture, CodedMessage.TemplateOf(code), [.. args]); // too few arguments: not ours
            return message;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
