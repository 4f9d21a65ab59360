using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Cli;

/// <summary>What a verb needs at run time: parsed globals, the output streams and the settings.</summary>
internal sealed class CliContext(ParseResult parse, GlobalOptions globals, CliEnvironment environment)
{
    private static readonly JsonSerializerOptions JsonOut = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The options of <see cref="WriteJson{T}"/>, for verbs that compose their output.</summary>
    public static JsonSerializerOptions JsonOptions => JsonOut;

    public TextWriter Out => environment.Out;
    public TextWriter Error => environment.Error;
    public TextReader In => environment.In;
    public bool Json => parse.GetValue(globals.Json);
    public bool Verbose => parse.GetValue(globals.Verbose);
    public ParseResult Parse => parse;

    /// <summary>Settings from the environment (Database__Provider, Import__MaxRows...), as the console reads them.</summary>
    public IConfiguration Configuration => environment.Configuration;

    /// <summary>The --data-dir option when given.</summary>
    public string? DataDirOption => parse.GetValue(globals.DataDir);

    /// <summary>The workspace folder as the console resolves it: --data-dir, then PUO_DATA_DIR, then Database:DataDir, then ./data.</summary>
    public string DataDir
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(DataDirOption)) return DataDirOption;
            if (environment.Variable("PUO_DATA_DIR") is { Length: > 0 } fromEnvironment) return fromEnvironment;
            return Configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.DataDir)}"] is { Length: > 0 } configured ? configured : "data";
        }
    }

    /// <summary>Database settings through the console's registration and start-up validation (bad settings exit 2).</summary>
    public DatabaseOptions Database() => CliServices.Database(this);

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
