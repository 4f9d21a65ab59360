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
/// An OpenAI-compatible chat server on 127.0.0.1 (real Kestrel, real HTTP): POST
/// <c>/v1/chat/completions</c> and Azure's <c>/openai/v1/chat/completions</c> with the documented
/// request and response JSON. Each test decides the answers; every request is recorded.
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
        var request = new ReceivedRequest(http.Request.Path, body["model"]?.GetValue<string>() ?? "", messages, body, headers);
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
            await http.Response.WriteAsJsonAsync(new { error = new { message = "fake failure", type = "server_error" } });
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
}

public sealed record FakeReply(string Text, int Status = 200, TimeSpan Delay = default, int PromptTokens = 120, int CompletionTokens = 18)
{
    public static FakeReply Content(string text) => new(text);

    public static FakeReply Answer(string intent, double confidence) =>
        new(JsonSerializer.Serialize(new { intent, confidence, rationale = "fits the description" }));
}
