using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace PuoAiOps.Web.Tests.Infrastructure;

/// <summary>
/// The in-memory test server has no TCP connection, hence no client address. This stands in for the
/// network: the <c>X-Test-Peer</c> header becomes the connection's remote address, before anything
/// of the console runs (forwarded headers, rate limits).
/// </summary>
public static class PeerAddress
{
    public const string Header = "X-Test-Peer";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, Filter>();

    /// <summary>Makes every request of <paramref name="client"/> come from <paramref name="address"/>.</summary>
    public static ConsoleClient From(this ConsoleClient client, string address)
    {
        client.Http.DefaultRequestHeaders.Remove(Header);
        client.Http.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
