using PuoAiOps.Application;

var builder = WebApplication.CreateBuilder(args);
builder.AddPersistence();

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
