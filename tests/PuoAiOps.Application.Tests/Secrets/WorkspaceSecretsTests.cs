using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Application.Secrets;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Secrets;

public sealed class WorkspaceSecretsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstUse_CreatesAKeyFileOnlyTheOwnerCanReadAndWrite()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var secrets = new WorkspaceSecrets(new SecretsOptions(), ws.DataDir);
        await using (var db = ws.NewContext()) await secrets.EnsureReadyAsync(db, Ct);

        var file = Path.Combine(ws.DataDir, "secrets.key");
        Assert.True(File.Exists(file));
        Assert.NotNull(SecretKey.TryParse(await File.ReadAllTextAsync(file, Ct)));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task PseudonymisationKey_IsStoredEncrypted_AndStillGivesTheSamePseudonyms()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var secrets = new WorkspaceSecrets(new SecretsOptions(), ws.DataDir);
        string first;
        await using (var db = ws.NewContext())
            first = (await UserPseudonymizer.CreateAsync(db, null, secrets, Ct)).Pseudonymize("user-42")!;

        await using var check = ws.NewContext();
        var stored = await check.Settings.SingleAsync(s => s.Key == UserPseudonymizer.KeySetting, Ct);
        Assert.StartsWith(SecretEnvelope.Prefix, stored.Value, StringComparison.Ordinal);
        var key = secrets.Open(stored.Key, stored.Value);
        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.DoesNotContain(key, stored.Value, StringComparison.Ordinal);

        // Another process with the same data folder (the key file) gets the same pseudonyms.
        var again = new WorkspaceSecrets(new SecretsOptions(), ws.DataDir);
        Assert.Equal(first, (await UserPseudonymizer.CreateAsync(check, null, again, Ct)).Pseudonymize("user-42"));
    }

    [Fact]
    public async Task PlaintextSecrets_FromAnEarlierVersion_AreEncryptedAtStart()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var plainKey = Convert.ToBase64String(new byte[32]);
        const string ring = "<key id=\"1\"><descriptor><masterKey>c2VjcmV0</masterKey></descriptor></key>";
        await using (var db = ws.NewContext())
        {
            db.Settings.Add(new Setting { Key = UserPseudonymizer.KeySetting, Value = plainKey });
            db.Settings.Add(new Setting { Key = WorkspaceSecrets.DataProtectionKeyPrefix + "key-1", Value = ring });
            db.Settings.Add(new Setting { Key = "Pii:CustomPatterns", Value = "[]" });
            await db.SaveChangesAsync(Ct);
        }

        var secrets = new WorkspaceSecrets(new SecretsOptions(), ws.DataDir);
        await using (var db = ws.NewContext()) await secrets.EnsureReadyAsync(db, Ct);

        await using var check = ws.NewContext();
        var rows = await check.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, Ct);
        Assert.StartsWith(SecretEnvelope.Prefix, rows[UserPseudonymizer.KeySetting], StringComparison.Ordinal);
        Assert.StartsWith(SecretEnvelope.Prefix, rows[WorkspaceSecrets.DataProtectionKeyPrefix + "key-1"], StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", rows[WorkspaceSecrets.DataProtectionKeyPrefix + "key-1"], StringComparison.Ordinal);
        Assert.Equal("[]", rows["Pii:CustomPatterns"]); // not a secret: left readable
        Assert.Equal(plainKey, secrets.Open(UserPseudonymizer.KeySetting, rows[UserPseudonymizer.KeySetting]));
        Assert.Equal(ring, secrets.Open(WorkspaceSecrets.DataProtectionKeyPrefix + "key-1", rows[WorkspaceSecrets.DataProtectionKeyPrefix + "key-1"]));
    }

    [Fact]
    public async Task DatabaseCopiedToANewDataFolder_WithoutTheKeyFile_StopsWithAClearMessage_AndCreatesNoKey()
    {
        await using var original = await TempWorkspace.CreateAsync();
        await using (var db = original.NewContext())
            await UserPseudonymizer.CreateAsync(db, null, new WorkspaceSecrets(new SecretsOptions(), original.DataDir), Ct);

        await using var moved = await TempWorkspace.CreateAsync(migrate: false);
        await using (var db = original.NewContext())
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {moved.Options.SqliteFilePath}", Ct);

        var secrets = new WorkspaceSecrets(new SecretsOptions(), moved.DataDir);
        await using var copy = moved.NewContext();
        var error = await Assert.ThrowsAsync<WorkspaceKeyException>(() => secrets.EnsureReadyAsync(copy, Ct));
        Assert.Contains(Path.Combine(Path.GetFullPath(moved.DataDir), "secrets.key"), error.Message, StringComparison.Ordinal);
        Assert.Contains("key file", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(moved.DataDir, "secrets.key")), "a new key would hide the problem");
        await Assert.ThrowsAsync<WorkspaceKeyException>(() => UserPseudonymizer.CreateAsync(copy, null, secrets, Ct));
    }

    [Fact]
    public async Task ConfiguredKeyRotation_ReencryptsWithTheNewKey_AtTheNextStart()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var oldKey = SecretKey.New().ToBase64();
        var newKey = SecretKey.New().ToBase64();
        string pseudonym;
        await using (var db = ws.NewContext())
            pseudonym = (await UserPseudonymizer.CreateAsync(db, null, new WorkspaceSecrets(new SecretsOptions { Key = oldKey }, ws.DataDir), Ct)).Pseudonymize("u-1")!;
        Assert.False(File.Exists(Path.Combine(ws.DataDir, "secrets.key")), "a configured key needs no key file");

        var rotated = new WorkspaceSecrets(new SecretsOptions { Key = newKey, PreviousKeys = [oldKey] }, ws.DataDir);
        await using (var db = ws.NewContext()) await rotated.EnsureReadyAsync(db, Ct);

        // The old key can go: everything opens with the new one alone.
        var newOnly = new WorkspaceSecrets(new SecretsOptions { Key = newKey }, ws.DataDir);
        await using var check = ws.NewContext();
        Assert.Equal(pseudonym, (await UserPseudonymizer.CreateAsync(check, null, newOnly, Ct)).Pseudonymize("u-1"));
        Assert.Equal(SecretKey.TryParse(newKey)!.Id, SecretEnvelope.KeyId((await check.Settings.SingleAsync(s => s.Key == UserPseudonymizer.KeySetting, Ct)).Value));
    }

    [Fact]
    public async Task AValueMovedToAnotherSetting_DoesNotDecrypt()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var secrets = new WorkspaceSecrets(new SecretsOptions { Key = SecretKey.New().ToBase64() }, ws.DataDir);
        await using var db = ws.NewContext();
        await secrets.EnsureReadyAsync(db, Ct);
        var sealedValue = secrets.Seal(WorkspaceSecrets.DataProtectionKeyPrefix + "a", "<key/>");
        Assert.Throws<WorkspaceKeyException>(() => secrets.Open(WorkspaceSecrets.DataProtectionKeyPrefix + "b", sealedValue));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void AKeyThatIsNot32Bytes_IsRefusedWithTheSettingNamed(string key)
    {
        Assert.Contains("Secrets:Key", Assert.Single(new SecretsOptions { Key = key }.Validate()), StringComparison.Ordinal);
    }
}
