using System.Net.Sockets;
using System.Text.Json;

namespace PuoAiOps.Web.Tests.Hosting;

/// <summary>/healthz with the Qdrant vector index: unreachable Qdrant degrades the console, it does not take it down.</summary>
public sealed class VectorIndexHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_EmbeddedIndex_IsOk()
    {
        await using var factory = new ConsoleFactory();
        using var json = await HealthAsync(factory, HttpStatusCode.OK);
        Assert.Equal(("ok", "embedded"), (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("vectorIndex").GetString()));
    }

    [Fact]
    public async Task Healthz_QdrantUnreachable_IsDegradedButAnswers200()
    {
        await using var factory = new ConsoleFactory();
        factory.Settings["VectorSearch:Provider"] = "Qdrant";
        factory.Settings["VectorSearch:Qdrant:Url"] = $"http://127.0.0.1:{ClosedPort()}";

        using var json = await HealthAsync(factory, HttpStatusCode.OK);

        Assert.Equal(("degraded", "reachable", "unreachable"),
            (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("database").GetString(), json.RootElement.GetProperty("vectorIndex").GetString()));
        Assert.DoesNotContain("127.0.0.1", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> HealthAsync(ConsoleFactory factory, HttpStatusCode expected)
    {
        using var http = factory.CreateClient();
        using var response = await http.GetAsync("/healthz", Ct);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
