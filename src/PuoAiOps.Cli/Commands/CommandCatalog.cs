using System.CommandLine;

namespace PuoAiOps.Cli.Commands;

/// <summary>Every top-level verb. Each verb lives in its own file and builds its own Command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        yield return DbCommand.Create(bind);
        yield return UsersCommand.Create(bind);
        yield return KeysCommand.Create(bind);
        yield return ApiKeyCommand.Create(bind);
        yield return AskCommand.Create(bind);
        yield return DemoCommand.Create(bind);
        yield return TaxonomyCommand.Create(bind);
        yield return ScriptsCommand.Create(bind);
        yield return EscalationsCommand.Create(bind);
        yield return ExportCommand.Create(bind);
        yield return ImportCommand.Create(bind);
        yield return ClassifyCommand.Create(bind);
        yield return ClassifyWorkspaceCommand.Create(bind);
        yield return KbCommand.Create(bind);
        yield return MetricsCommand.Create(bind);
        yield return ReportCommand.Create(bind);
    }
}
