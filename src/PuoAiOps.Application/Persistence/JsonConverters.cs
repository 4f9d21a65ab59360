using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Persistence;

// Small collections (names per locale, examples, tags) are stored as JSON text so SQLite and
// PostgreSQL share one schema shape; they are never queried inside.

internal sealed class JsonDictionaryConverter() : ValueConverter<Dictionary<string, string>, string>(
    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
    v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Default) ?? new());

internal sealed class JsonDictionaryComparer() : ValueComparer<Dictionary<string, string>>(
    (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
    v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key.GetHashCode(StringComparison.Ordinal), kv.Value.GetHashCode(StringComparison.Ordinal))),
    v => new Dictionary<string, string>(v));

internal sealed class JsonListConverter() : ValueConverter<List<string>, string>(
    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
    v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new());

internal sealed class JsonListComparer() : ValueComparer<List<string>>(
    (a, b) => a != null && b != null && a.SequenceEqual(b),
    v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
    v => v.ToList());

internal static class ScriptJson
{
    // Enum names, not numbers: the column stays readable and survives reordering.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

internal sealed class JsonVariablesConverter() : ValueConverter<List<ScriptVariable>, string>(
    v => JsonSerializer.Serialize(v, ScriptJson.Options),
    v => JsonSerializer.Deserialize<List<ScriptVariable>>(v, ScriptJson.Options) ?? new());

internal sealed class JsonVariablesComparer() : ValueComparer<List<ScriptVariable>>(
    (a, b) => a != null && b != null && a.SequenceEqual(b),
    v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())),
    v => v.ToList());
