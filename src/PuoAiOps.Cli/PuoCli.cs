using System.CommandLine;
using PuoAiOps.Cli.Commands;

namespace PuoAiOps.Cli;

/// <summary>The `puo` command line. Exit codes: 0 ok, 1 failure, 2 bad usage or input.</summary>
public static class PuoCli
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin) =>
        RunAsync(args, stdout, stderr, stdin, environment: null);

    /// <summary>
    /// Runs the command line with <paramref name="environment"/> as its environment variables (null: the
    /// process's). Settings are read from them as the console reads its own (Database__Provider, ...).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin,
        IReadOnlyDictionary<string, string?>? environment)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("PuoAiOps command line: workspace database, users, demo data, imports, reply scripts, classifier.");
        root.Options.Add(globals.DataDir);
        root.Options.Add(globals.Json);
        root.Options.Add(globals.Verbose);

        var cli = new CliEnvironment(stdout, stderr, stdin, environment);
        CliAction Bind(Func<CliContext, CancellationToken, Task<int>> handler) => new(globals, cli, handler);
        foreach (var command in CommandCatalog.All(Bind))
        {
            // So that `puo --help` lists every verb (db migrate, demo remove...), not only the groups.
            if (command.Subcommands.Count > 0)
                command.Description = $"{command.Description} — {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await stderr.WriteLineAsync($"error: {error.Message}");
            await stderr.WriteLineAsync("Run 'puo --help' for usage.");
            return BadUsage;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await parse.InvokeAsync(config);
    }
}
