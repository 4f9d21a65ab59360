using System.CommandLine;

namespace PuoAiOps.Cli;

/// <summary>Options every verb understands; recursive so they may stand before or after the verb.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Folder of the workspace database (default: $PUO_DATA_DIR, else ./data)",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print machine-readable JSON instead of text",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "On an unexpected error, print the full exception with its stack trace",
        Recursive = true,
    };
}
