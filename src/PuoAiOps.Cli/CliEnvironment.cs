using Microsoft.Extensions.Configuration;

namespace PuoAiOps.Cli;

/// <summary>
/// What the process gives the command line: the standard streams and the environment variables its
/// settings come from (Database__Provider, Ai__Endpoint...). Tests pass their own variables instead of
/// changing the process's, which tests running in parallel share.
/// </summary>
internal sealed class CliEnvironment(TextWriter stdout, TextWriter stderr, TextReader stdin, IReadOnlyDictionary<string, string?>? variables)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;
    public TextReader In { get; } = stdin;

    /// <summary>Environment variables as configuration ("__" separates sections), the way the console reads them.</summary>
    public IConfiguration Configuration { get; } = Build(variables);

    public string? Variable(string name) => variables is null ? Environment.GetEnvironmentVariable(name) : variables.GetValueOrDefault(name);

    private static IConfiguration Build(IReadOnlyDictionary<string, string?>? variables)
    {
        var builder = new ConfigurationBuilder();
        if (variables is null) builder.AddEnvironmentVariables();
        else builder.AddInMemoryCollection(variables.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)));
        return builder.Build();
    }
}
