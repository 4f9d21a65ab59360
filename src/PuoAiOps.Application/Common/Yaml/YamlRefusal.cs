using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Common.Yaml;

/// <summary>
/// Why <see cref="SafeYaml"/> refused a file before reading it in full (<see cref="YamlRefusedException.Refusal"/>):
/// pages that read YAML word these from their own resource (<c>TaxonomyText</c>, <c>ScriptsText</c>), the CLI in English.
/// </summary>
public enum YamlRefusal
{
    [English("YAML aliases (*{0}) are not accepted: write the value out in full.")] Alias,
    [English("YAML anchors (&{0}) are not accepted: write the value out in full.")] Anchor,
    [English("The file has more than {0:N0} YAML nodes, far more than any file this reads.")] TooManyNodes,
    [English("The file nests deeper than {0} levels.")] TooDeep,
}
