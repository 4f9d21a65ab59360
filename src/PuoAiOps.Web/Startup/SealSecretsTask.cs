using PuoAiOps.Application.Secrets;

namespace PuoAiOps.Web.Startup;

/// <summary>First at start: the workspace key must open every stored secret (<see cref="SecretSealer"/>).</summary>
internal sealed class SealSecretsTask(SecretSealer sealer) : IStartupTask
{
    public Task RunAsync(CancellationToken ct) => sealer.EnsureReadyAsync(ct);
}
