namespace PuoAiOps.Testing;

/// <summary>Finds the repository root (the folder holding PuoAiOps.sln) from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string? Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PuoAiOps.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>../shared/data/&lt;name&gt; beside the repository, when it exists.</summary>
    public static string? SharedData(string name)
    {
        var root = Root();
        if (root is null) return null;
        var candidate = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", name));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
