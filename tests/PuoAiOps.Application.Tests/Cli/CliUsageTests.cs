using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Cli;

public sealed class CliUsageTests
{
    [Fact]
    public async Task Help_ListsTheVerbs()
    {
        var run = await CliRunner.RunAsync("--help");
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Out.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.Trim(), @"\s+", " ")).ToList();
        foreach (var (group, verbs) in new[] { ("db", "migrate"), ("users", "add"), ("demo", "seed, remove"), ("import", "questions"), ("export", "labels"), ("taxonomy", "export"), ("keys", "rotate"), ("users", "unlock"), ("scripts", "lint, import, export") })
            Assert.Contains(lines, l => l.StartsWith(group + " ", StringComparison.Ordinal) && l.Contains(verbs, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("db", "migrate", "--no-such-option")]
    [InlineData("users", "add", "--role", "Viewer")]
    public async Task WrongArguments_Exit2_WithAMessage(params string[] args)
    {
        var run = await CliRunner.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbMigrate_Json_ReportsAppliedThenNothing()
    {
        await using var ws = await TempWorkspace.CreateAsync(migrate: false);
        var first = await CliRunner.RunAsync("db", "migrate", "--data-dir", ws.DataDir, "--json");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("0001_initial", JsonDocument.Parse(first.Out).RootElement.GetProperty("applied").EnumerateArray().Select(e => e.GetString()));
        var second = await CliRunner.RunAsync("db", "migrate", "--data-dir", ws.DataDir, "--json");
        Assert.Equal(0, JsonDocument.Parse(second.Out).RootElement.GetProperty("applied").GetArrayLength());
    }

    [Fact]
    public async Task UsersAdd_ReadsPasswordFromStdin_AndAssignsTheRole()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var run = await CliRunner.RunWithInputAsync("correct horse battery\n", "users", "add", "--email", "ana@example.com", "--role", "reviewer", "--data-dir", ws.DataDir);
        Assert.Equal(0, run.ExitCode);

        await using var db = ws.NewContext();
        var user = await db.Users.SingleAsync(u => u.Email == "ana@example.com", TestContext.Current.CancellationToken);
        Assert.NotNull(user.PasswordHash);
        Assert.DoesNotContain("correct horse", user.PasswordHash, StringComparison.Ordinal);
        var role = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("Reviewer", role);
    }

    [Theory]
    [InlineData("", "no password")]
    [InlineData("short\n", "at least 10")]
    public async Task UsersAdd_BadPassword_Exits2(string stdin, string message)
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var run = await CliRunner.RunWithInputAsync(stdin, "users", "add", "--email", "bo@example.com", "--role", "Viewer", "--data-dir", ws.DataDir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_DuplicateEmail_Exits2()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        Assert.Equal(0, (await CliRunner.RunWithInputAsync("a long passphrase\n", "users", "add", "--email", "cy@example.com", "--role", "Admin", "--data-dir", ws.DataDir)).ExitCode);
        var again = await CliRunner.RunWithInputAsync("a long passphrase\n", "users", "add", "--email", "cy@example.com", "--role", "Admin", "--data-dir", ws.DataDir);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already taken", again.Error, StringComparison.Ordinal);
    }
}
