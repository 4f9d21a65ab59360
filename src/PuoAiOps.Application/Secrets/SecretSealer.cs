using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Secrets;

/// <summary>
/// The start-up step over the workspace's database: checks the key opens every stored secret (else
/// <see cref="WorkspaceKeyException"/>), creates the key file on a new workspace, and encrypts secrets a
/// previous version stored in plain text. Scoped, so hosts call it without touching the DbContext.
/// </summary>
public sealed class SecretSealer(WorkspaceSecrets secrets, PuoDbContext db)
{
    public Task EnsureReadyAsync(CancellationToken ct = default) => secrets.EnsureReadyAsync(db, ct);
}
