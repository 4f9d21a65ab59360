using System.Text.Json;
using System.Text.Json.Serialization;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// The stored trace's JSON (camelCase, as the web defaults), generated at build time: one is written
/// per answered message, and reflection-based serialization spent more on the trace than the
/// classifier spends on the question.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(BotTrace))]
internal sealed partial class BotTraceJson : JsonSerializerContext;
