using Microsoft.AspNetCore.DataProtection;

namespace PuoAiOps.Web.Startup;

/// <summary>
/// Before listening: makes sure the data-protection key ring has an active key. On a new workspace the
/// framework would otherwise create one lazily, at the same moment as the demo workspace is seeded in the
/// background, and SQLite's single writer would make that write wait past its timeout. Runs after
/// <see cref="SealSecretsTask"/>, which the sealed key store needs.
/// </summary>
internal sealed class DataProtectionKeyTask(IDataProtectionProvider provider) : IStartupTask
{
    public Task RunAsync(CancellationToken ct)
    {
        // Protecting anything loads the key ring and creates its first key when there is none.
        provider.CreateProtector("PuoAiOps.Startup.KeyRing").Protect([0]);
        return Task.CompletedTask;
    }
}
