using PuoAiOps.Cli;

namespace PuoAiOps.Application.Tests.Infrastructure;

/// <summary>Runs the real `puo` entry point in-process and captures its output.</summary>
public static class CliRunner
{
    public sealed record Run(int ExitCode, string Out, string Error);

    public static async Task<Run> RunWithInputAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var code = await PuoCli.RunAsync(args, stdout, stderr, input);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<Run> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs with <paramref name="environment"/> as the only environment variables (the process's stay untouched for tests running in parallel).</summary>
    public static async Task<Run> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await PuoCli.RunAsync(args, stdout, stderr, new StringReader(""), environment);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }
}
