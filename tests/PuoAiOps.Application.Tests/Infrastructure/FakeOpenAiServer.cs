using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Tests.Infrastructure;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (real Kestrel, real HTTP): POST <c>/v1/chat/completions</c>
/// and Azure's <c>/openai/deployments/{deployment}/chat/completions?api-version=…</c> (and its v1
/// path) with the documented request and response JSON, streamed as server-sent events when the
/// request asks for <c>stream</c>; POST <c>/v1/embeddings</c> (and Azure's paths). Each test decides the answers (status, delay,
/// malformed bodies); every request is recorded with its headers.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Base URL of the OpenAI-style API (…/v1).</summary>
    public string V1 => BaseAddress.ToString().TrimEnd('/') + "/v1";

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Decides the reply to one request; default: an answer naming the first intent key.</summary>
    public Func<ReceivedRequest, Task<FakeReply>> Reply { get; set; } = _ => Task.FromResult(FakeReply.Content("{\"intent\":\"oos\",\"confidence\":0.5,\"rationale\":\"default\"}"));

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/openai/v1/chat/completions", server.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
        app.MapPost("/v1/embeddings", server.EmbedAsync);
        app.MapPost("/openai/v1/embeddings", server.EmbedAsync);
        app.MapPost("/openai/deployments/{deployment}/embeddings", server.EmbedAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject ?? [];
        var messages = (body["messages"] as JsonArray ?? []).Select(m => new ReceivedMessage(
            m!["role"]!.GetValue<string>(), ContentText(m["content"]))).ToList();
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ReceivedRequest(http.Request.Path, body["model"]?.GetValue<string>() ?? "", messages, body, headers) { Query = http.Request.QueryString.Value ?? "" };
        Requests.Enqueue(request);

        var reply = await Reply(request);
        if (reply.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(reply.Delay, http.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        if (reply.Status != 200)
        {
            http.Response.StatusCode = reply.Status;
            if (reply.Status == 429 && reply.RetryAfter is { } wait) http.Response.Headers.RetryAfter = wait;
            await http.Response.WriteAsJsonAsync(new { error = new { message = "fake failure", type = reply.Status == 429 ? "rate_limit_exceeded" : "server_error" } });
            return;
        }
        if (reply.RawBody is { } raw)
        {
            // A broken server: whatever bytes the test chose, as if they were a completion.
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(raw);
            return;
        }
        if (body["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(http, request, reply);
            return;
        }
        await http.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..10],
            @object = "chat.completion",
            created = 1_750_000_000,
            model = request.Model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Text }, finish_reason = "stop" } },
            usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens },
        });
    }

    /// <summary>The reply as chat.completion.chunk events, a few characters each, then usage and [DONE].</summary>
    private static async Task StreamAsync(HttpContext http, ReceivedRequest request, FakeReply reply)
    {
        http.Response.ContentType = "text/event-stream";
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..10];
        async Task Send(object chunk)
        {
            await http.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
            await http.Response.Body.FlushAsync();
        }
        await Send(new { id, @object = "chat.completion.chunk", created = 1_750_000_000, model = request.Model, choices = new[] { new { index = 0, delta = new { role = "assistant", content = "" }, finish_reason = (string?)null } } });
        for (var i = 0; i < reply.Text.Length; i += 8)
        {
            var piece = reply.Text.Substring(i, Math.Min(8, reply.Text.Length - i));
            await Send(new { id, @object = "chat.completion.chunk", created = 1_750_000_000, model = request.Model, choices = new[] { new { index = 0, delta = new { role = (string?)null, content = piece }, finish_reason = (string?)null } } });
        }
        await Send(new { id, @object = "chat.completion.chunk", created = 1_750_000_000, model = request.Model, choices = new[] { new { index = 0, delta = new { role = (string?)null, content = (string?)null }, finish_reason = "stop" } } });
        await Send(new { id, @object = "chat.completion.chunk", created = 1_750_000_000, model = request.Model, choices = Array.Empty<object>(),
            usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens } });
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    /// <summary>Embeddings: a deterministic unit vector per input (character hashes), in the documented shape.</summary>
    private async Task EmbedAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject ?? [];
        var inputs = body["input"] switch
        {
            JsonArray list => list.Select(i => i?.GetValue<string>() ?? "").ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => new List<string>(),
        };
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new ReceivedRequest(http.Request.Path, body["model"]?.GetValue<string>() ?? "", inputs.Select(i => new ReceivedMessage("input", i)).ToList(), body, headers));
        var data = inputs.Select((text, index) =>
        {
            var vector = new float[EmbeddingDimensions];
            foreach (var c in text) vector[c % EmbeddingDimensions] += 1;
            var norm = MathF.Sqrt(vector.Sum(v => v * v));
            return new { @object = "embedding", index, embedding = vector.Select(v => norm == 0 ? 0 : v / norm).ToArray() };
        }).ToList();
        await http.Response.WriteAsJsonAsync(new { @object = "list", data, model = body["model"]?.GetValue<string>() ?? "", usage = new { prompt_tokens = inputs.Sum(i => i.Length), total_tokens = inputs.Sum(i => i.Length) } });
    }

    public const int EmbeddingDimensions = 16;

    /// <summary>A message's content as text: either a string or an array of text parts.</summary>
    private static string ContentText(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedMessage(string Role, string Content);

public sealed record ReceivedRequest(string Path, string Model, IReadOnlyList<ReceivedMessage> Messages, JsonObject Body, IReadOnlyDictionary<string, string> Headers)
{
    public string System => Messages.FirstOrDefault(m => m.Role == "system")?.Content ?? "";
    public string User => Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";

    /// <summary>The query string as sent (Azure's <c>?api-version=…</c>).</summary>
    public string Query { get; init; } = "";
}

public sealed record FakeReply(string Text, int Status = 200, TimeSpan Delay = default, int PromptTokens = 120, int CompletionTokens = 18)
{
    /// <summary>Sent as the whole response body with status 200 instead of a completion (malformed output).</summary>
    public string? RawBody { get; init; }

    /// <summary>The Retry-After header of a 429 (seconds); null = none.</summary>
    public string? RetryAfter { get; init; } = "0";

    public static FakeReply Malformed(string raw) => new("") { RawBody = raw };

    public static FakeReply Content(string text) => new(text);

    public static FakeReply Answer(string intent, double confidence) =>
        new(JsonSerializer.Serialize(new { intent, confidence, rationale = "fits the description" }));
}
