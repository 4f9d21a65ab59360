using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Secrets;

namespace PuoAiOps.Web.Tests.Hosting;

/// <summary>The cookie-signing key ring is stored encrypted with a key that lives outside the database.</summary>
public sealed class SecretsAtRestTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task DataProtectionKeys_AreStoredEncrypted_WithAKeyFileOnlyTheOwnerCanRead()
    {
        using (await team.SignInAsAsync(Roles.Viewer)) { } // signing a cookie creates the key ring

        var rows = await team.WithDbAsync(db => db.Settings.AsNoTracking().Where(s => s.Key.StartsWith(WorkspaceSecrets.DataProtectionKeyPrefix)).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.StartsWith(SecretEnvelope.Prefix, row.Value, StringComparison.Ordinal);
            Assert.DoesNotContain("masterKey", row.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<key", row.Value, StringComparison.Ordinal);
        });

        var keyFile = Path.Combine(team.Factory.DataDir, "secrets.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }
}
