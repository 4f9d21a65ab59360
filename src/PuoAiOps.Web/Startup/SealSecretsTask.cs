using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Secrets;

namespace PuoAiOps.Web.Startup;

/// <summary>
/// First at start: checks the workspace key opens every stored secret (else the start stops with
/// <see cref="WorkspaceKeyException"/>), creates the key file on a new workspace, and encrypts the
/// secrets a previous version stored in plain text.
/// </summary>
internal sealed class SealSecretsTask(WorkspaceSecrets secrets, PuoDbContext db) : IStartupTask
{
    public Task RunAsync(CancellationToken ct) => secrets.EnsureReadyAsync(db, ct);
}
