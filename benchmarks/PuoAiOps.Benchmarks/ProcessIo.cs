using System.Globalization;

namespace PuoAiOps.Benchmarks;

/// <summary>Bytes this process passed to write and read system calls (/proc/self/io wchar, rchar); zeros off Linux.</summary>
internal readonly record struct ProcessIo(long Written, long Read)
{
    public static ProcessIo Now()
    {
        try
        {
            long written = 0, read = 0;
            foreach (var line in File.ReadLines("/proc/self/io"))
            {
                if (line.StartsWith("wchar:", StringComparison.Ordinal)) written = long.Parse(line.AsSpan(6), NumberStyles.AllowLeadingWhite, CultureInfo.InvariantCulture);
                else if (line.StartsWith("rchar:", StringComparison.Ordinal)) read = long.Parse(line.AsSpan(6), NumberStyles.AllowLeadingWhite, CultureInfo.InvariantCulture);
            }
            return new ProcessIo(written, read);
        }
        catch (IOException)
        {
            return default;
        }
        catch (UnauthorizedAccessException)
        {
            return default;
        }
    }

    public static ProcessIo operator -(ProcessIo a, ProcessIo b) => new(a.Written - b.Written, a.Read - b.Read);
}
