using PuoAiOps.Application;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Overview;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Questions;
using PuoAiOps.Application.Secrets;
using PuoAiOps.Encoders;
using PuoAiOps.Web.Annotation;
using PuoAiOps.Web.Api;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Classification;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Shell;
using PuoAiOps.Web.Questions;
using PuoAiOps.Web.Taxonomy;
using PuoAiOps.Web.Startup;

var builder = WebApplication.CreateBuilder(args);
// The default address lives here, not in appsettings.json, where it would override ASPNETCORE_URLS.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
    builder.WebHost.UseUrls("http://localhost:5080");
builder.AddPersistence();
builder.AddWorkspaceStartup();
builder.AddConsoleHosting();
builder.AddConsoleProxy();
builder.AddConsoleAuth();
builder.AddConsoleShell();
builder.AddAdmin();
builder.AddOverview();
builder.AddTaxonomy();
builder.AddScripts();
builder.AddQuestionImport();
builder.AddQuestionSearchRateLimit();
builder.AddTaxonomyConsole();
builder.AddAnnotation();
builder.AddMetrics();
builder.AddAnnotationConsole();
builder.AddClassificationConsole();
builder.AddEncoders();          // Encoders: the sentence encoder behind IEmbeddingGenerator (dense retrieval)
builder.AddKnowledge();
builder.AddVectorSearch();
builder.AddBot();
builder.AddEscalations();      // Application: the hand-over queue (reads and commands)
builder.AddBotApiReference();

var app = builder.Build();
try
{
    await app.InitializeWorkspaceAsync();
}
catch (WorkspaceKeyException ex)
{
    // A missing key is an operator's fix (restore the key file), not a bug: say what, not where in the code.
    await Console.Error.WriteLineAsync($"PuoAiOps cannot start: {ex.Message}");
    return 78; // EX_CONFIG
}
app.UseConsolePipeline();
app.MapConsoleEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
