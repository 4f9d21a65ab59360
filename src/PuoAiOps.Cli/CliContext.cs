using System.CommandLine;
using System.Text.Json;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Secrets;

namespace PuoAiOps.Cli;

/// <summary>What a verb needs at run time: parsed globals, the output streams and the database settings.</summary>
internal sealed class CliContext(ParseResult parse, GlobalOptions globals, TextWriter stdout, TextWriter stderr, TextReader stdin)
{
    private static readonly JsonSerializerOptions JsonOut = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The options of <see cref="WriteJson{T}"/>, for verbs that compose their output.</summary>
    public static JsonSerializerOptions JsonOptions => JsonOut;

    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;
    public TextReader In { get; } = stdin;
    public bool Json => parse.GetValue(globals.Json);
    public ParseResult Parse => parse;

    /// <summary>The workspace folder as the web host resolves it: --data-dir, then PUO_DATA_DIR, then ./data.</summary>
    public string DataDir => parse.GetValue(globals.DataDir) ?? Environment.GetEnvironmentVariable("PUO_DATA_DIR") ?? "data";

    /// <summary>Database settings as the web host resolves them (see <see cref="DataDir"/>).</summary>
    public DatabaseOptions Database()
    {
        var options = new DatabaseOptions
        {
            DataDir = DataDir,
        };
        var provider = Environment.GetEnvironmentVariable("Database__Provider");
        if (Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var p)) options.Provider = p;
        options.ConnectionString = Environment.GetEnvironmentVariable("Database__ConnectionString");
        var errors = options.Validate().ToList();
        if (errors.Count > 0) throw new CliUsageException(string.Join(Environment.NewLine, errors));
        return options;
    }

    /// <summary>The workspace key as the web host finds it: <c>Secrets__Key</c> / <c>Secrets__PreviousKeys__N</c> / <c>Secrets__KeyFile</c>, else the key file in the data folder.</summary>
    public WorkspaceSecrets Secrets()
    {
        var options = new SecretsOptions
        {
            Key = Environment.GetEnvironmentVariable("Secrets__Key"),
            KeyFile = Environment.GetEnvironmentVariable("Secrets__KeyFile"),
        };
        for (var i = 0; Environment.GetEnvironmentVariable($"Secrets__PreviousKeys__{i}") is { } previous; i++) options.PreviousKeys.Add(previous);
        var errors = options.Validate().ToList();
        if (errors.Count > 0) throw new CliUsageException(string.Join(Environment.NewLine, errors));
        return new WorkspaceSecrets(options, DataDir);
    }

    /// <summary>A migrated database context for verbs that read or write the workspace.</summary>
    public async Task<PuoDbContext> OpenDatabaseAsync(CancellationToken ct)
    {
        var db = DbContextConfigurator.Create(Database());
        await new SchemaMigrator(db).MigrateAsync(ct);
        return db;
    }

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, JsonOut));
}

/// <summary>Bad usage or bad input: exit code 2 with the message.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
