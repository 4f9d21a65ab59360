using PuoAiOps.Core.Messages;
using YamlDotNet.Core;

namespace PuoAiOps.Application.Common.Yaml;

/// <summary>
/// A YAML file refused before it was read in full (an anchor, an alias, too many nodes, too deep).
/// A <see cref="YamlException"/>, so every reader that reports malformed YAML with its line reports this too;
/// <see cref="Refusal"/> says why as a code, <see cref="Reason"/> is its English without YamlDotNet's position prefix.
/// </summary>
public sealed class YamlRefusedException(Mark start, Mark end, CodedMessage refusal) : YamlException(start, end, refusal.English)
{
    public CodedMessage Refusal { get; } = refusal;

    public string Reason => Refusal.English;

    /// <summary>1-based line of the refused node.</summary>
    public int Line => (int)Start.Line;
}
