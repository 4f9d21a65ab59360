using System.CommandLine;

namespace PuoAiOps.Cli;

/// <summary>Runs a verb handler and maps exceptions to exit codes and one-line messages (never a stack trace).</summary>
internal sealed class CliAction(GlobalOptions globals, TextWriter stdout, TextWriter stderr, TextReader stdin,
    Func<CliContext, CancellationToken, Task<int>> handler)
{
    public void AttachTo(Command command) => command.SetAction(async (parse, ct) =>
    {
        var context = new CliContext(parse, globals, stdout, stderr, stdin);
        try
        {
            return await handler(context, ct);
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return PuoCli.BadUsage;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("cancelled");
            return PuoCli.Failure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return PuoCli.Failure;
        }
    });
}
