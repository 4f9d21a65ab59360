using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PuoAiOps.Application.Common.Yaml;

/// <summary>
/// Remembers where the last parsing event ended. Some malformed input makes the YAML scanner fail
/// with an exception that carries no position; the last good position is then the best line to report.
/// </summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    public Mark LastEnd { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (moved && inner.Current is not null) LastEnd = inner.Current.End;
        return moved;
    }
}
