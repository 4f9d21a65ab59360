namespace PuoAiOps.Application.Secrets;

/// <summary>
/// Configuration section "Secrets": the key that encrypts the secrets kept in the Settings table
/// (the data-protection key ring, the user-id pseudonymisation key). It never lives in the database,
/// so a copy of the database alone cannot sign cookies or re-identify users.
/// </summary>
public sealed class SecretsOptions
{
    public const string SectionName = "Secrets";

    /// <summary>The current key, base64 of 32 random bytes. Empty: the key file in the data folder.</summary>
    public string? Key { get; set; }

    /// <summary>Older keys (base64), only for reading values not yet re-encrypted (rotation; see docs/configuration.md).</summary>
    public List<string> PreviousKeys { get; set; } = [];

    /// <summary>Where the key file lives; empty = <c>secrets.key</c> in the data folder.</summary>
    public string? KeyFile { get; set; }

    public string KeyFilePath(string dataDir) =>
        string.IsNullOrWhiteSpace(KeyFile) ? Path.Combine(Path.GetFullPath(dataDir), "secrets.key") : Path.GetFullPath(KeyFile);

    /// <summary>Start-up validation with messages that name the configuration path.</summary>
    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(Key) && SecretKey.TryParse(Key) is null)
            yield return $"{SectionName}:Key must be base64 of 32 bytes (e.g. the output of `openssl rand -base64 32`).";
        for (var i = 0; i < PreviousKeys.Count; i++)
            if (SecretKey.TryParse(PreviousKeys[i]) is null)
                yield return $"{SectionName}:PreviousKeys:{i} must be base64 of 32 bytes.";
    }
}
