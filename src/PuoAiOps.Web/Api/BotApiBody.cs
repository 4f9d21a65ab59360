using System.Text.Json;
using PuoAiOps.Application.Common;

namespace PuoAiOps.Web.Api;

/// <summary>Reads a JSON body within a size limit; anything unreadable is a 400 (or 413) that says what is wrong.</summary>
internal static class BotApiBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonSerializerOptions json, int maxBytes, CancellationToken ct) where T : class
    {
        if (request.ContentLength > maxBytes) throw new PayloadTooLargeException(maxBytes);
        if (!request.HasJsonContentType()) throw new ValidationException("body", "Send the body as JSON (Content-Type: application/json).");
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw new PayloadTooLargeException(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.ToArray(), json) ?? throw new ValidationException("body", "The body is empty; send a JSON object.");
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 1 } path ? $" at {path}" : "";
            throw new ValidationException("body", $"The body is not valid JSON for this endpoint{where}: {FirstSentence(ex.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}

/// <summary>A request body over the endpoint's limit (413).</summary>
public sealed class PayloadTooLargeException(int maxBytes) : Exception($"The request body is larger than {maxBytes / 1024} KB.");
