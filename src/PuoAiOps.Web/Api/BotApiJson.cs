using System.Text.Json;
using System.Text.Json.Serialization;

namespace PuoAiOps.Web.Api;

/// <summary>
/// The bot API's bodies (snake_case, unknown fields refused, nulls left out), with serialization code
/// generated at build time: every chat request reads one body and writes one, on the hottest endpoint.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatBody))]
[JsonSerializable(typeof(ChatResponseBody))]
[JsonSerializable(typeof(FeedbackBody))]
[JsonSerializable(typeof(FeedbackResponseBody))]
[JsonSerializable(typeof(EndResponseBody))]
internal sealed partial class BotApiJson : JsonSerializerContext;
