using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.DataProtection;
using PuoAiOps.Application.Secrets;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.DataProtection;

/// <summary>The data-protection key ring in the Settings table, sealed with the workspace key.</summary>
public sealed class DatabaseXmlRepositoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StoredKeys_AreSealedInTheDatabase_AndReadBackByAnotherInstance()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        await using var services = new ServiceCollection().AddScoped(_ => workspace.NewContext()).BuildServiceProvider();
        var secrets = new WorkspaceSecrets(new SecretsOptions(), workspace.DataDir);
        await using (var db = workspace.NewContext()) await secrets.EnsureReadyAsync(db, Ct);
        var key = new XElement("key", new XAttribute("id", "k1"), new XElement("masterKey", "c2VjcmV0"));

        new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>(), secrets).StoreElement(key, "key-k1");

        await using (var db = workspace.NewContext())
        {
            var stored = await db.Settings.SingleAsync(s => s.Key == DatabaseXmlRepository.KeyPrefix + "key-k1", Ct);
            Assert.StartsWith(SecretEnvelope.Prefix, stored.Value, StringComparison.Ordinal);
            Assert.DoesNotContain("c2VjcmV0", stored.Value, StringComparison.Ordinal);
        }
        // Another instance: the same database and data folder (the workspace key file).
        var again = new WorkspaceSecrets(new SecretsOptions(), workspace.DataDir);
        await using (var db = workspace.NewContext()) await again.EnsureReadyAsync(db, Ct);
        var read = new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>(), again).GetAllElements();
        Assert.Equal(key.ToString(SaveOptions.DisableFormatting), Assert.Single(read).ToString(SaveOptions.DisableFormatting));
    }
}
