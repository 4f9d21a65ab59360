using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// The script files' YAML (and JSON, which YAML reads) settings. Reading always goes through
/// <see cref="PuoAiOps.Application.Common.Yaml.SafeYaml"/>, which refuses anchors and aliases.
/// </summary>
internal static class ScriptYaml
{
    public static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .Build();
}
