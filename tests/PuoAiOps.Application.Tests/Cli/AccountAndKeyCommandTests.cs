using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Application.Secrets;
using PuoAiOps.Application.SignIn;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Cli;

public sealed class AccountAndKeyCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UsersUnlock_EndsTheLockoutOfTheOnlyAdmin_WithAnAuditEntry()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var add = await CliRunner.RunWithInputAsync("correct horse battery\n", "users", "add", "--email", "boss@example.com", "--role", "Admin", "--data-dir", ws.DataDir);
        Assert.Equal(0, add.ExitCode);
        await LockAsync(ws, "boss@example.com");

        var run = await CliRunner.RunAsync("users", "unlock", "--email", "boss@example.com", "--data-dir", ws.DataDir);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Unlocked boss@example.com", run.Out, StringComparison.Ordinal);

        await using var db = ws.NewContext();
        var user = await db.Users.SingleAsync(u => u.Email == "boss@example.com", Ct);
        Assert.True(user.LockoutEnd is null || user.LockoutEnd <= DateTimeOffset.UtcNow);
        Assert.Equal(0, user.AccessFailedCount);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AccountUnlockService.AuditAction && a.EntityId == user.Id, Ct));
    }

    [Fact]
    public async Task UsersUnlock_UnknownEmail_Exits2()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var run = await CliRunner.RunAsync("users", "unlock", "--email", "ghost@example.com", "--data-dir", ws.DataDir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no user with email ghost@example.com", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysRotate_ReplacesTheKeyFile_AndReencryptsTheSecrets()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        string pseudonym;
        await using (var db = ws.NewContext())
            pseudonym = (await UserPseudonymizer.CreateAsync(db, null, new WorkspaceSecrets(new SecretsOptions(), ws.DataDir), Ct)).Pseudonymize("u-7")!;
        var keyFile = Path.Combine(ws.DataDir, "secrets.key");
        var before = await File.ReadAllTextAsync(keyFile, Ct);

        var run = await CliRunner.RunAsync("keys", "rotate", "--data-dir", ws.DataDir);
        Assert.True(run.ExitCode == 0, run.Error);

        var after = await File.ReadAllTextAsync(keyFile, Ct);
        Assert.NotEqual(before.Trim(), after.Trim());
        Assert.False(File.Exists(keyFile + ".new"));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        await using var check = ws.NewContext();
        var stored = await check.Settings.SingleAsync(s => s.Key == UserPseudonymizer.KeySetting, Ct);
        Assert.Equal(SecretKey.TryParse(after)!.Id, SecretEnvelope.KeyId(stored.Value));
        Assert.Equal(pseudonym, (await UserPseudonymizer.CreateAsync(check, null, new WorkspaceSecrets(new SecretsOptions(), ws.DataDir), Ct)).Pseudonymize("u-7"));
    }

    private static async Task LockAsync(TempWorkspace ws, string email)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, ws.Options));
        services.AddPuoIdentityCore();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        for (var i = 0; i < 5; i++) await users.AccessFailedAsync(user);
        Assert.True(await users.IsLockedOutAsync(user));
    }
}
