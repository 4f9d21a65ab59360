using Microsoft.AspNetCore.DataProtection;
using PuoAiOps.Application.DataProtection;

namespace PuoAiOps.Web.Hosting;

public static class HostingDependencyInjection
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>Razor components (static, and Interactive Server for pages on the new shell), antiforgery, problem details and the shared key ring.</summary>
    public static IHostApplicationBuilder AddConsoleHosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddSingleton<AssetPaths>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "puo.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure when the request is (behind a TLS-terminating proxy: see ProxyOptions).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Never leak internals, also in Development: only the status, a title and the trace id.
            context.ProblemDetails.Detail = context.ProblemDetails.Status >= 500 ? null : context.ProblemDetails.Detail;
            context.ProblemDetails.Extensions.Remove("exception");
        });

        // Bad input (including a missing antiforgery token) is a 400 in every environment, not an
        // exception that Development would turn into a 500.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        // The API speaks enum names ("Pending", "Merge"), which clients can read without our source.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        services.AddDataProtection().SetApplicationName("PuoAiOps").PersistKeysToWorkspaceDatabase();
        return builder;
    }
}
