using Microsoft.Extensions.AI;
using OpenAIChat = OpenAI.Chat;

namespace PuoAiOps.Application.Ai;

/// <summary>Translates between Microsoft.Extensions.AI chat types and the OpenAI SDK's.</summary>
internal static class OpenAiMapping
{
    public static List<OpenAIChat.ChatMessage> ToMessages(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var result = new List<OpenAIChat.ChatMessage>();
        foreach (var message in messages)
        {
            var text = message.Text;
            if (message.Role == ChatRole.System) result.Add(new OpenAIChat.SystemChatMessage(text));
            else if (message.Role == ChatRole.User) result.Add(new OpenAIChat.UserChatMessage(text));
            else if (message.Role == ChatRole.Assistant) result.Add(new OpenAIChat.AssistantChatMessage(text));
            else throw new NotSupportedException($"Chat role '{message.Role}' is not supported by this client (text chat only).");
        }
        return result;
    }

    public static OpenAIChat.ChatCompletionOptions ToOptions(ChatOptions? options)
    {
        var result = new OpenAIChat.ChatCompletionOptions();
        if (options is null) return result;
        result.Temperature = options.Temperature;
        result.TopP = options.TopP;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.FrequencyPenalty = options.FrequencyPenalty;
        result.PresencePenalty = options.PresencePenalty;
        if (options.StopSequences is { } stops)
            foreach (var stop in stops) result.StopSequences.Add(stop);
        result.ResponseFormat = options.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } json => OpenAIChat.ChatResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "answer", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription),
            ChatResponseFormatJson => OpenAIChat.ChatResponseFormat.CreateJsonObjectFormat(),
            ChatResponseFormatText => OpenAIChat.ChatResponseFormat.CreateTextFormat(),
            _ => null,
        };
        return result;
    }

    public static UsageDetails? ToUsage(OpenAIChat.ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
    };

    public static ChatFinishReason ToFinishReason(OpenAIChat.ChatFinishReason reason) => reason switch
    {
        OpenAIChat.ChatFinishReason.Length => ChatFinishReason.Length,
        OpenAIChat.ChatFinishReason.ContentFilter => ChatFinishReason.ContentFilter,
        OpenAIChat.ChatFinishReason.ToolCalls or OpenAIChat.ChatFinishReason.FunctionCall => ChatFinishReason.ToolCalls,
        _ => ChatFinishReason.Stop,
    };
}
