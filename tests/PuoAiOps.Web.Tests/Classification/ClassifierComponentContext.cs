using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Web.Tests.Classification;

/// <summary>
/// A bUnit context whose Application services (classifier, jobs) work on the fixture's SQLite database,
/// rendered as over a circuit (interactive), with MudBlazor's providers on the page.
/// </summary>
internal static class ClassifierComponentContext
{
    public static BunitContext Create(ConsoleFixture fixture)
    {
        var context = new BunitContext();
        var database = fixture.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        context.Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddSingleton<PuoAiOps.Web.Localization.MessageWords>();
        context.Services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, database));
        context.Services.Configure<ClassifierOptions>(o => o.ServingRefreshSeconds = 3600);
        context.Services.Configure<AiOptions>(_ => { });
        context.Services.AddClassificationServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        return context;
    }
}
