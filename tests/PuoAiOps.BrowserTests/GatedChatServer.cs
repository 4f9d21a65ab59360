using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// An OpenAI-compatible chat endpoint on 127.0.0.1 (real Kestrel, Chat Completions server-sent events)
/// whose streamed answer stops half-way until the test opens the gate, so a test can look at the
/// page while the model is still "writing" without waiting on a clock. The answer cites the first
/// passage the prompt carried.
/// </summary>
internal sealed partial class GatedChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatedChatServer(WebApplication app, string firstHalf, string secondHalf) => (_app, FirstHalf, SecondHalf) = (app, firstHalf, secondHalf);

    public string FirstHalf { get; }

    public string SecondHalf { get; }

    public string V1 { get; private set; } = "";

    public static async Task<GatedChatServer> StartAsync(string firstHalf, string secondHalf)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new GatedChatServer(app, firstHalf, secondHalf);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.V1 = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>Lets the stream finish.</summary>
    public void Open() => _gate.TrySetResult();

    private async Task HandleAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject ?? [];
        var passage = PassageLabel().Match(body["messages"]?.ToJsonString() ?? "") is { Success: true } m ? m.Groups[1].Value : "P1";
        var answer = JsonSerializer.Serialize(new { answer = $"{FirstHalf}{SecondHalf} [{passage}].", citations = new[] { passage } });
        if (body["stream"]?.GetValue<bool>() != true)
        {
            await http.Response.WriteAsJsonAsync(Completion(answer));
            return;
        }
        http.Response.ContentType = "text/event-stream";
        // The cut goes right after the first half (the serializer escapes characters such as '>' in the second).
        var cut = answer.IndexOf(FirstHalf, StringComparison.Ordinal) + FirstHalf.Length;
        await SendAsync(http, Chunk(answer[..cut]));
        await _gate.Task.WaitAsync(http.RequestAborted);
        await SendAsync(http, Chunk(answer[cut..]));
        await SendAsync(http, new { id = "chatcmpl-gated", @object = "chat.completion.chunk", created = 1_750_000_000, model = "gated", choices = Array.Empty<object>(),
            usage = new { prompt_tokens = 90, completion_tokens = 30, total_tokens = 120 } });
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static object Chunk(string text) => new
    {
        id = "chatcmpl-gated", @object = "chat.completion.chunk", created = 1_750_000_000, model = "gated",
        choices = new[] { new { index = 0, delta = new { role = "assistant", content = text }, finish_reason = (string?)null } },
    };

    private static object Completion(string text) => new
    {
        id = "chatcmpl-gated", @object = "chat.completion", created = 1_750_000_000, model = "gated",
        choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 90, completion_tokens = 30, total_tokens = 120 },
    };

    private static async Task SendAsync(HttpContext http, object chunk)
    {
        await http.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
        await http.Response.Body.FlushAsync();
    }

    [GeneratedRegex(@"\[\[passage (P\d+)\]\]")]
    private static partial Regex PassageLabel();

    public async ValueTask DisposeAsync()
    {
        Open();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
