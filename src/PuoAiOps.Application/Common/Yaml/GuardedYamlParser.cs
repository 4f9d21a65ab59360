using PuoAiOps.Core.Messages;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PuoAiOps.Application.Common.Yaml;

/// <summary>
/// Passes parsing events through and stops at the first anchor (<c>&amp;name</c>), alias
/// (<c>*name</c>), node past the node budget or level past the depth limit. The check is on the
/// event stream, so nothing after the refused event is ever read, let alone expanded.
/// </summary>
internal sealed class GuardedYamlParser(IParser inner, int maxNodes, int maxDepth) : IParser
{
    private int _nodes;
    private int _depth;

    public ParsingEvent? Current => inner.Current;

    private Mark _lastEnd = Mark.Empty;

    public bool MoveNext()
    {
        try
        {
            if (!inner.MoveNext()) return false;
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet's scanner lets this escape for a "\udc00"-style escape of half a surrogate pair;
            // callers handle malformed YAML as a YamlException with a position, so it becomes one.
            throw new YamlException(_lastEnd, _lastEnd, $"Malformed YAML after this point: {ex.Message}");
        }
        _lastEnd = inner.Current?.End ?? _lastEnd;
        switch (inner.Current)
        {
            case AnchorAlias alias:
                throw Refused(alias, CodedMessage.Of(YamlRefusal.Alias, alias.Value.ToString()));
            case NodeEvent { Anchor.IsEmpty: false } node:
                throw Refused(node, CodedMessage.Of(YamlRefusal.Anchor, node.Anchor.ToString()));
        }
        if (inner.Current is NodeEvent && ++_nodes > maxNodes)
            throw Refused(inner.Current, CodedMessage.Of(YamlRefusal.TooManyNodes, maxNodes));
        if (inner.Current is MappingStart or SequenceStart && ++_depth > maxDepth)
            throw Refused(inner.Current, CodedMessage.Of(YamlRefusal.TooDeep, maxDepth));
        if (inner.Current is MappingEnd or SequenceEnd) _depth--;
        return true;
    }

    private static YamlRefusedException Refused(ParsingEvent at, CodedMessage reason) => new(at.Start, at.End, reason);
}
