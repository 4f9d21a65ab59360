using System.ComponentModel.DataAnnotations;

namespace PuoAiOps.Application.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file and other local state; set by --data-dir or PUO_DATA_DIR.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>Npgsql connection string; required when <see cref="Provider"/> is Postgres.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long SQLite waits for a lock held by another writer before failing.</summary>
    [Range(100, 120_000)]
    public int BusyTimeoutMs { get; set; } = 10_000;

    public string SqliteFilePath => Path.Combine(Path.GetFullPath(DataDir), "puoaiops.db");

    /// <summary>Start-up validation with messages that name the configuration path.</summary>
    public IEnumerable<string> Validate()
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return $"{SectionName}:ConnectionString is required when {SectionName}:Provider is Postgres.";
        if (Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(DataDir))
            yield return $"{SectionName}:DataDir (or --data-dir / PUO_DATA_DIR) must name a folder.";
        if (BusyTimeoutMs is < 100 or > 120_000)
            yield return $"{SectionName}:BusyTimeoutMs must be between 100 and 120000.";
    }
}
