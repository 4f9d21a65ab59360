using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Cli;

/// <summary>Settings go through the console's registrations and start-up validation; unexpected errors are one line unless --verbose.</summary>
public sealed class CliSettingsAndErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("puo-cli-settings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("db", "migrate")]
    [InlineData("taxonomy", "export")]
    [InlineData("export", "labels", "--out", "/tmp/puo-labels-never-written.csv")]
    [InlineData("model", "list")]
    [InlineData("demo", "remove")]
    public async Task MistypedDatabaseProvider_Exits2_NamingTheSettingAndTheAllowedValues(params string[] verb)
    {
        var run = await CliRunner.RunWithEnvironmentAsync(Env(("Database__Provider", "Sqlit")), [.. verb, "--data-dir", _dir]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Database:Provider is 'Sqlit'; allowed values: Sqlite, Postgres.", run.Error.Trim());
        Assert.False(File.Exists(Path.Combine(_dir, "puoaiops.db")), "nothing may be created with a refused setting");
    }

    [Theory]
    [InlineData("5")]
    [InlineData("Postgre")]
    public async Task DatabaseProvider_NumbersAndNearMisses_AreRefusedToo(string value)
    {
        var run = await CliRunner.RunWithEnvironmentAsync(Env(("Database__Provider", value)), "db", "migrate", "--data-dir", _dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Database:Provider is '{value}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationOfTheConsole_AppliesToTheCommandLine()
    {
        var postgres = await CliRunner.RunWithEnvironmentAsync(Env(("Database__Provider", "postgres")), "db", "migrate", "--data-dir", _dir);
        Assert.Equal(2, postgres.ExitCode);
        Assert.Contains("Database:ConnectionString is required when Database:Provider is Postgres.", postgres.Error, StringComparison.Ordinal);

        var ai = await CliRunner.RunWithEnvironmentAsync(Env(("Ai__Provider", "OpenAl")), "model", "list", "--data-dir", _dir);
        Assert.Equal(2, ai.ExitCode);
        Assert.Contains("Ai:Provider is 'OpenAl'; allowed values:", ai.Error, StringComparison.Ordinal);

        var import = await CliRunner.RunWithEnvironmentAsync(Env(("Import__BatchSize", "0")), "import", "questions", WriteQuestions(), "--data-dir", _dir);
        Assert.Equal(2, import.ExitCode);
        Assert.Contains("Import:BatchSize", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidSettingsFromTheEnvironment_AreUsed()
    {
        var run = await CliRunner.RunWithEnvironmentAsync(Env(("Database__Provider", "sqlite"), ("Database__DataDir", _dir)), "db", "migrate");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(Path.Combine(_dir, "puoaiops.db")));
    }

    [Fact]
    public async Task UnexpectedError_PrintsOneLineWithTheVerboseHint_AndVerbosePrintsTheStackTrace()
    {
        // A data folder that is a file: the database cannot be created there, which no check anticipates.
        var file = Path.Combine(_dir, "not-a-folder");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunWithEnvironmentAsync(Env(), "db", "migrate", "--data-dir", file);
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.EndsWith("(run again with --verbose for the details)", line.TrimEnd(), StringComparison.Ordinal);

        var verbose = await CliRunner.RunWithEnvironmentAsync(Env(), "db", "migrate", "--data-dir", file, "--verbose");
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("--verbose for the details", verbose.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPersistence_MistypedProvider_FailsStartUpValidationInTheConsoleToo()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("Database:Provider", "Sqlit")]);
        builder.AddPersistence();
        using var provider = builder.Services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(["Database:Provider is 'Sqlit'; allowed values: Sqlite, Postgres."], ex.Failures);
    }

    private static Dictionary<string, string?> Env(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => (string?)v.Value);

    private string WriteQuestions()
    {
        var path = Path.Combine(_dir, "questions.csv");
        File.WriteAllText(path, "text\nwhere is my gift\n");
        return path;
    }
}
