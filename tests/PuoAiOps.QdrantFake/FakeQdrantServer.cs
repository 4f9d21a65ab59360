using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PuoAiOps.QdrantFake;

/// <summary>
/// An in-process Qdrant gRPC server on 127.0.0.1 (HTTP/2, a random port), generated from Qdrant's
/// own .proto files, so Qdrant.Client talks real HTTP/2 and protobuf to it. Its data outlives a
/// <see cref="StopAsync"/> (the server is "down") and a <see cref="StartAsync"/> on the same port.
/// <see cref="Faults"/> makes it answer errors on demand. Semantics: see docs/knowledge.md.
/// </summary>
public sealed class FakeQdrantServer : IAsyncDisposable
{
    private WebApplication? _app;
    private int _port;

    private FakeQdrantServer(string? apiKey) => Faults = new FaultControl(apiKey);

    public FakeStore Store { get; } = new();
    public FaultControl Faults { get; }
    public string? ApiKey => Faults.ApiKey;
    public bool Running => _app is not null;

    /// <summary>http://127.0.0.1:port (valid while running, and the same port after a restart).</summary>
    public string Url => $"http://127.0.0.1:{_port}";

    public static async Task<FakeQdrantServer> StartNewAsync(string? apiKey = null, CancellationToken ct = default)
    {
        var server = new FakeQdrantServer(apiKey);
        await server.StartAsync(ct);
        return server;
    }

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (_app is not null) return;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, _port, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<FaultInterceptor>();
            o.EnableDetailedErrors = true;
        });
        builder.Services.AddSingleton(Store);
        builder.Services.AddSingleton(Faults);
        var app = builder.Build();
        app.MapGrpcService<CollectionsFake>();
        app.MapGrpcService<PointsFake>();
        app.MapGrpcService<HealthFake>();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _port = new Uri(address).Port;
        _app = app;
    }

    /// <summary>Stops listening: calls fail as with a server that is down (connection refused).</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_app is not { } app) return;
        _app = null;
        await app.StopAsync(ct);
        await app.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}

/// <summary>What the server does to calls besides answering them: the API key it demands and errors on demand.</summary>
public sealed class FaultControl(string? apiKey)
{
    private readonly Lock _gate = new();
    private StatusCode? _failure;
    private int _remaining;
    private int _calls;

    public string? ApiKey { get; } = apiKey;

    /// <summary>Calls received (including refused ones): lets a test see retries.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Answers the next <paramref name="times"/> calls (every call when null) with <paramref name="code"/>.</summary>
    public void Fail(StatusCode code, int? times = null)
    {
        lock (_gate) { _failure = code; _remaining = times ?? int.MaxValue; }
    }

    public void Heal()
    {
        lock (_gate) { _failure = null; _remaining = 0; }
    }

    internal StatusCode? NextFailure()
    {
        Interlocked.Increment(ref _calls);
        lock (_gate)
        {
            if (_failure is not { } code || _remaining <= 0) return null;
            _remaining--;
            return code;
        }
    }
}
