using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// The one place the script files' YAML (and JSON, which YAML reads) is parsed and written, so the
/// workspace's shared safe YAML reader can replace the deserializer here alone.
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
