using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Encoders;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo kb ingest|search|reindex|eval`: the SOP knowledge base of the workspace (eval uses a
/// temporary index). Dense retrieval uses the offline MiniLM encoder.
/// </summary>
internal static class KbCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var kb = new Command("kb", "SOP knowledge base: ingest documents, search, rebuild the indexes, evaluate retrieval, archive or delete documents");
        kb.Subcommands.Add(KbIngestCommand.Create(bind));
        kb.Subcommands.Add(KbSearchCommand.Create(bind));
        kb.Subcommands.Add(KbReindexCommand.Create(bind));
        kb.Subcommands.Add(KbEvalCommand.Create(bind));
        kb.Subcommands.Add(KbDocumentCommands.Archive(bind));
        kb.Subcommands.Add(KbDocumentCommands.Restore(bind));
        kb.Subcommands.Add(KbDocumentCommands.Delete(bind));
        return kb;
    }

    /// <summary>The workspace's knowledge services with the shared encoder (unless <paramref name="dense"/> is false).</summary>
    public static Task<ServiceProvider> ServicesAsync(CliContext ctx, CancellationToken ct, bool dense = true) =>
        CliServices.BuildAsync(ctx, s =>
        {
            if (dense) s.Services.AddEncoderServices();
            s.Services.AddKnowledgeServices(o => KnowledgeEnvironment.Apply(o));
            s.AddVectorSearch();
        }, ct);

    /// <summary>Runs a handler, turning refused input into exit code 2 with its message.</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> handler)
    {
        try
        {
            return await handler();
        }
        catch (KnowledgeInputException ex)
        {
            throw new CliUsageException(ex.Message);
        }
    }
}

/// <summary>Knowledge settings from the environment (Knowledge__ChineseAnalyzer=Cjk...), as the web host would read them.</summary>
internal static class KnowledgeEnvironment
{
    public static void Apply(KnowledgeOptions options)
    {
        if (Enum.TryParse<Application.Knowledge.Keyword.ChineseAnalyzerKind>(Environment.GetEnvironmentVariable("Knowledge__ChineseAnalyzer"), true, out var chinese))
            options.ChineseAnalyzer = chinese;
        if (long.TryParse(Environment.GetEnvironmentVariable("Knowledge__MaxDocumentBytes"), out var max)) options.MaxDocumentBytes = max;
    }
}
