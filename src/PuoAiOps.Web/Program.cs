using PuoAiOps.Application;
using PuoAiOps.Web.Admin;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Classifier;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddPersistence();
builder.AddWorkspaceStartup();
builder.AddConsoleHosting();
builder.AddConsoleAuth();
builder.AddConsoleAdmin();
builder.AddClassifierConsole();

var app = builder.Build();
await app.InitializeWorkspaceAsync();
app.UseConsolePipeline();
app.MapConsoleEndpoints();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
