using PuoAiOps.Application.Common;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Api;

/// <summary>
/// The approved, effective reply scripts, filtered by intent, locale and channel: what the bot may
/// send. Drafts, versions in review and retired ones never appear here. Same area policy as the
/// other content APIs (taxonomy, classifier).
/// </summary>
internal static class ScriptsApi
{
    public static RouteGroupBuilder MapScriptsApi(this RouteGroupBuilder api)
    {
        var scripts = api.MapGroup("/scripts")
            .RequireAuthorization(Policies.ContentArea)
            .MapApplicationErrors();
        scripts.MapGet("/", (ScriptLibrary library, string? intent, string? locale, string? channel, CancellationToken ct) =>
        {
            if (locale is not null && !ScriptLocales.IsKnown(locale))
                throw new ValidationException("locale", $"Unknown locale '{locale}'; use one of: {string.Join(", ", ScriptLocales.All)}.");
            if (channel is not null && !ScriptChannels.IsKnown(channel))
                throw new ValidationException("channel", $"Unknown channel '{channel}'; use one of: {string.Join(", ", ScriptChannels.All)}.");
            return library.ServedAsync(intent, locale, channel, ct: ct);
        });
        return api;
    }
}
