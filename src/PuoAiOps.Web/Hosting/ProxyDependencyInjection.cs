using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Web.Hosting;

/// <summary>Forwarded headers from the configured proxies only, and HSTS outside Development.</summary>
public static class ProxyDependencyInjection
{
    public static IHostApplicationBuilder AddConsoleProxy(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProxyOptions>().Bind(builder.Configuration.GetSection(ProxyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = proxy.Value.ForwardLimit;
            // The framework trusts loopback by default; only what is configured counts here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            if (!proxy.Value.Validate().Any())
            {
                foreach (var address in proxy.Value.Proxies()) o.KnownProxies.Add(address);
                foreach (var network in proxy.Value.Networks()) o.KnownIPNetworks.Add(network);
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return builder;
    }

    /// <summary>First in the pipeline: everything after sees the client's address and scheme.</summary>
    public static WebApplication UseConsoleProxy(this WebApplication app)
    {
        // With no known proxy the middleware would trust every sender (its rule for empty lists): leave it out.
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled)
            app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        return app;
    }

    private sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProxyOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
