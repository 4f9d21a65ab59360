using System.CommandLine;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Cli;

/// <summary>
/// Runs a verb handler and maps exceptions to exit codes: bad usage, bad input and bad settings exit 2
/// with their message; anything unexpected exits 1 with one line and the hint to run again with
/// --verbose, which prints the whole exception and its stack trace instead.
/// </summary>
internal sealed class CliAction(GlobalOptions globals, CliEnvironment environment, Func<CliContext, CancellationToken, Task<int>> handler)
{
    public const string VerboseHint = "(run again with --verbose for the details)";

    public void AttachTo(Command command) => command.SetAction(async (parse, ct) =>
    {
        var context = new CliContext(parse, globals, environment);
        var stderr = environment.Error;
        try
        {
            return await handler(context, ct);
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return PuoCli.BadUsage;
        }
        catch (OptionsValidationException ex)
        {
            // Settings refused at start-up, as the console refuses them: each failure names its configuration path.
            foreach (var failure in ex.Failures) await stderr.WriteLineAsync($"error: {failure}");
            return PuoCli.BadUsage;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("cancelled");
            return PuoCli.Failure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (context.Verbose) await stderr.WriteLineAsync($"error: {ex}");
            else await stderr.WriteLineAsync($"error: {OneLine(ex.Message)} {VerboseHint}");
            return PuoCli.Failure;
        }
    });

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
