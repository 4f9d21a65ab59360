using PuoAiOps.Web.Admin;
using PuoAiOps.Web.Api;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components;

namespace PuoAiOps.Web.Hosting;

public static class ConsoleEndpoints
{
    /// <summary>Every endpoint of the console. Each declares its policy (tests enumerate them all).</summary>
    public static WebApplication MapConsoleEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapStatusPages();
        app.MapAccount();
        app.MapAdminUi();
        app.MapApiV1();
        app.MapRazorComponents<App>();
        return app;
    }
}
