namespace PuoAiOps.Web.Admin;

public static class AdminDependencyInjection
{
    /// <summary>User administration (create, role, disable) with its audit trail, and the workspace settings.</summary>
    public static IHostApplicationBuilder AddConsoleAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserAdminService>();
        builder.Services.AddScoped<WorkspaceSettings>();
        return builder;
    }
}
