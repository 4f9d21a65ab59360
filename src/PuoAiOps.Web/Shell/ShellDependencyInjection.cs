using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using PuoAiOps.Application.Profile;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Shell;

public static class ShellDependencyInjection
{
    /// <summary>
    /// The interactive console shell: Interactive Server components, MudBlazor, English and Simplified
    /// Chinese resources, and circuits that re-check their user.
    /// </summary>
    public static IHostApplicationBuilder AddConsoleShell(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddUserProfiles();
        services.AddOptions<ShellOptions>().Bind(builder.Configuration.GetSection(ShellOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShellOptions>, ShellOptions.Validator>();

        services.AddMudServices();
        services.AddSingleton<ThemeStylesheet>();
        services.AddLocalization();
        // MudBlazor's own texts (pager, filter menus, pickers) in Chinese; transient like MudBlazor's own localizer services.
        services.AddTransient<MudLocalizer, ConsoleMudLocalizer>();
        services.AddSingleton<MessageWords>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            string[] cultures = [.. ConsoleCultures.All];
            o.SetDefaultCulture(ConsoleCultures.English).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            // The user's saved choice, then the culture cookie, then Accept-Language (no query string).
            o.RequestCultureProviders = [new ProfileCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        // Replaces the framework's provider (registered by AddInteractiveServerComponents) for circuits.
        services.AddScoped<AuthenticationStateProvider, CircuitAuthenticationRevalidator>();
        return builder;
    }
}
