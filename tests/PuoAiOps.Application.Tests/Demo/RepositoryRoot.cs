namespace PuoAiOps.Application.Tests.Demo;

internal static class RepositoryRoot
{
    /// <summary>The folder holding PuoAiOps.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PuoAiOps.sln"))) return dir.FullName;
        throw new InvalidOperationException($"PuoAiOps.sln not found above {AppContext.BaseDirectory}.");
    }
}
