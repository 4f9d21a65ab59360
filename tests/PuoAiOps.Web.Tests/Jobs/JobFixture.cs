using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Web.Tests.Jobs;

/// <summary>
/// The classifier workspace (<see cref="ClassifierFixture"/>) with an LLM endpoint (an OpenAI-compatible fake
/// whose answers each test sets) and a knowledge sync folder holding one document, so every job kind can run.
/// </summary>
public sealed class JobFixture : ClassifierFixture, IAsyncLifetime
{
    public FakeOpenAiServer Llm { get; private set; } = default!;

    public string SyncFolder { get; } = Path.Combine(Path.GetTempPath(), "puo-job-sync-" + Guid.NewGuid().ToString("N"));

    public override async ValueTask InitializeAsync()
    {
        Llm = await FakeOpenAiServer.StartAsync();
        Directory.CreateDirectory(SyncFolder);
        await File.WriteAllTextAsync(Path.Combine(SyncFolder, "refunds.md"), "# Refunds\n\nUnused coins can be refunded within 14 days.\n");
        Factory.Settings["Ai:Provider"] = "OpenAI";
        Factory.Settings["Ai:Endpoint"] = Llm.V1;
        Factory.Settings["Ai:ApiKey"] = "sk-test-secret";
        Factory.Settings["Ai:Model"] = "fake-gpt";
        Factory.Settings["Ai:MaxRetries"] = "0";
        Factory.Settings["Ai:TimeoutSeconds"] = "5";
        Factory.Settings["Knowledge:SyncFolder"] = SyncFolder;
        await base.InitializeAsync();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Llm.DisposeAsync();
        if (Directory.Exists(SyncFolder)) Directory.Delete(SyncFolder, recursive: true);
    }
}
