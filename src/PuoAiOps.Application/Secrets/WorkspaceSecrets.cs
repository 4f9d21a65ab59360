using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Secrets;

/// <summary>
/// Seals and opens the secrets kept in the Settings table (see <see cref="SecretsOptions"/>). At first
/// use, <see cref="EnsureReadyAsync"/> checks that every sealed value can be opened, creates the key
/// file when there is no key yet, and re-seals plaintext values (from before encryption) and values
/// sealed with an older key under the current one.
/// </summary>
public sealed partial class WorkspaceSecrets
{
    /// <summary>Settings rows holding data-protection keys (the key ring that signs the console's cookies).</summary>
    public const string DataProtectionKeyPrefix = "dataprotection:key:";

    /// <summary>The user-id pseudonymisation key.</summary>
    public const string UserIdKeySetting = "Pii:UserIdKey";

    private readonly SecretsOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private SecretKey? _current;
    private Dictionary<string, SecretKey>? _keys;
    private volatile bool _ready;

    public WorkspaceSecrets(IOptions<SecretsOptions> options, IOptions<DatabaseOptions> database, ILogger<WorkspaceSecrets>? logger = null)
        : this(options.Value, database.Value.DataDir, logger)
    {
    }

    public WorkspaceSecrets(SecretsOptions options, string dataDir, ILogger? logger = null)
    {
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        KeyFilePath = options.KeyFilePath(dataDir);
    }

    public string KeyFilePath { get; }

    /// <summary>Where a rotation writes the next key before the database is re-sealed (read too, should a rotation stop half-way).</summary>
    public string NextKeyFilePath => KeyFilePath + ".new";

    public bool KeyFromConfiguration => !string.IsNullOrWhiteSpace(_options.Key);

    public static bool IsSecret(string settingKey) =>
        settingKey == UserIdKeySetting || settingKey.StartsWith(DataProtectionKeyPrefix, StringComparison.Ordinal);

    /// <summary>Id of the key new values are sealed with (after <see cref="EnsureReadyAsync"/>).</summary>
    public string? CurrentKeyId => _current?.Id;

    public async Task EnsureReadyAsync(PuoDbContext db, CancellationToken ct = default)
    {
        if (_ready) return;
        var keys = Keys();
        var rows = (await db.Settings.ToListAsync(ct)).Where(s => IsSecret(s.Key)).ToList();
        var missing = rows.Select(r => SecretEnvelope.KeyId(r.Value)).OfType<string>().Where(id => !keys.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
            throw new WorkspaceKeyException(
                $"The workspace's secrets are encrypted with key {string.Join(", ", missing)}, which is not available: " +
                $"neither {SecretsOptions.SectionName}:Key, {SecretsOptions.SectionName}:PreviousKeys nor the key file {KeyFilePath} holds it. " +
                "A database moved to a new data folder needs the key file of the old one (or the key in " +
                $"{SecretsOptions.SectionName}:Key). Nothing was changed.");

        lock (_gate)
        {
            if (_current is null)
            {
                var key = SecretKey.New();
                _current = SecretKeyFile.TryCreate(KeyFilePath, key) ? key : SecretKeyFile.Read(KeyFilePath)!;
                keys[_current.Id] = _current;
                if (ReferenceEquals(_current, key)) LogKeyFileCreated(_logger, KeyFilePath);
            }
        }

        var resealed = 0;
        foreach (var row in rows.Where(r => SecretEnvelope.KeyId(r.Value) != _current.Id))
        {
            row.Value = SecretEnvelope.Seal(_current, row.Key, Open(row.Key, row.Value));
            row.UpdatedAt = DateTime.UtcNow;
            resealed++;
        }
        if (resealed > 0)
        {
            await db.SaveChangesAsync(ct);
            LogResealed(_logger, resealed, _current.Id);
        }
        _ready = true;
    }

    /// <summary>Seals <paramref name="plaintext"/> for the setting <paramref name="name"/>.</summary>
    public string Seal(string name, string plaintext)
    {
        Keys();
        var key = _current ?? throw new InvalidOperationException("No workspace key yet: EnsureReadyAsync runs at start-up first.");
        return SecretEnvelope.Seal(key, name, plaintext);
    }

    /// <summary>Opens a stored value; a plaintext value (written before encryption, not yet re-sealed) is returned as it is.</summary>
    public string Open(string name, string stored)
    {
        var id = SecretEnvelope.KeyId(stored);
        if (id is null) return stored;
        if (!Keys().TryGetValue(id, out var key))
            throw new WorkspaceKeyException($"The setting '{name}' is encrypted with key {id}, which is not available (see {KeyFilePath} and {SecretsOptions.SectionName}:Key).");
        try
        {
            return SecretEnvelope.Open(key, name, stored);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            throw new WorkspaceKeyException($"The setting '{name}' cannot be decrypted with key {id}: the stored value was altered or damaged.");
        }
    }

    /// <summary>
    /// Replaces the key file's key: the next key is written beside it first, every secret is re-sealed
    /// in one save, then the new file takes the old one's place. Returns how many values were re-sealed.
    /// </summary>
    public async Task<int> RotateAsync(PuoDbContext db, CancellationToken ct = default)
    {
        if (KeyFromConfiguration)
            throw new WorkspaceKeyException($"The key comes from {SecretsOptions.SectionName}:Key: rotate it in the configuration " +
                $"(new key in {SecretsOptions.SectionName}:Key, the old one in {SecretsOptions.SectionName}:PreviousKeys, then restart).");
        await EnsureReadyAsync(db, ct);
        var next = SecretKey.New();
        File.Delete(NextKeyFilePath);
        if (!SecretKeyFile.TryCreate(NextKeyFilePath, next))
            throw new WorkspaceKeyException($"Another rotation is writing {NextKeyFilePath}; try again when it has finished.");

        var rows = (await db.Settings.ToListAsync(ct)).Where(s => IsSecret(s.Key)).ToList();
        foreach (var row in rows)
        {
            row.Value = SecretEnvelope.Seal(next, row.Key, Open(row.Key, row.Value));
            row.UpdatedAt = DateTime.UtcNow;
        }
        await db.SaveChangesAsync(ct);
        File.Move(NextKeyFilePath, KeyFilePath, overwrite: true);
        lock (_gate)
        {
            _current = next;
            _keys![next.Id] = next;
        }
        return rows.Count;
    }

    private Dictionary<string, SecretKey> Keys()
    {
        if (_keys is not null) return _keys;
        lock (_gate)
        {
            if (_keys is not null) return _keys;
            var keys = new Dictionary<string, SecretKey>(StringComparer.Ordinal);
            // Older keys first, so the current one wins should an id ever repeat.
            foreach (var previous in _options.PreviousKeys.Select(SecretKey.TryParse).OfType<SecretKey>()) keys[previous.Id] = previous;
            if (SecretKeyFile.Read(NextKeyFilePath) is { } unfinished) keys[unfinished.Id] = unfinished;
            var fromFile = SecretKeyFile.Read(KeyFilePath);
            if (fromFile is not null) keys[fromFile.Id] = fromFile;
            _current = KeyFromConfiguration ? SecretKey.TryParse(_options.Key) : fromFile;
            if (_current is not null) keys[_current.Id] = _current;
            _keys = keys;
            return keys;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the workspace key file {Path} (owner read/write only). Back it up with the database: without it the stored secrets cannot be read.")]
    private static partial void LogKeyFileCreated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} stored secret(s) with workspace key {KeyId}.")]
    private static partial void LogResealed(ILogger logger, int count, string keyId);
}
