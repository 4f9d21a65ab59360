namespace PuoAiOps.Application.Secrets;

/// <summary>The key file in the data folder: one line of base64, readable by the service account only (0600).</summary>
internal static class SecretKeyFile
{
    public static SecretKey? Read(string path)
    {
        if (!File.Exists(path)) return null;
        return SecretKey.TryParse(File.ReadAllText(path))
            ?? throw new WorkspaceKeyException($"The key file {path} does not hold a key (base64 of 32 bytes). Restore it from the backup of this data folder.");
    }

    /// <summary>Writes a new file that only the owner can read; false when the file already exists.</summary>
    public static bool TryCreate(string path, SecretKey key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.WriteLine(key.ToBase64());
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        // The create mode is subject to the umask; set it again so it is exactly owner read/write.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return true;
    }
}
