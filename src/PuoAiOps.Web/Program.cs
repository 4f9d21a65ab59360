using PuoAiOps.Application;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Questions;
using PuoAiOps.Web.Admin;
using PuoAiOps.Web.Annotation;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Classifier;
using PuoAiOps.Web.Hosting;
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
builder.AddConsoleAuth();
builder.AddConsoleAdmin();
builder.AddTaxonomy();
builder.AddQuestionImport();
builder.AddQuestionSearchRateLimit();
builder.AddTaxonomyConsole();
builder.AddAnnotation();
builder.AddAnnotationConsole();
builder.AddClassifierConsole();

var app = builder.Build();
await app.InitializeWorkspaceAsync();
app.UseConsolePipeline();
app.MapConsoleEndpoints();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
