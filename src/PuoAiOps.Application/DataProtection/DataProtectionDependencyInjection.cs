using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Secrets;

namespace PuoAiOps.Application.DataProtection;

public static class DataProtectionDependencyInjection
{
    /// <summary>The key ring in the database (<see cref="DatabaseXmlRepository"/>), shared by every instance.</summary>
    public static IDataProtectionBuilder PersistKeysToWorkspaceDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository =
                new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<WorkspaceSecrets>())));
        return builder;
    }
}
