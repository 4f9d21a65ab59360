using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAIChat = OpenAI.Chat;

namespace PuoAiOps.Application.Ai;

/// <summary>
/// <see cref="IChatClient"/> over the official OpenAI SDK's chat client, so feature code depends only
/// on Microsoft.Extensions.AI. Text chat only (no tools, images or audio): that is all the console uses.
/// The model is fixed when the client is built; <see cref="ChatOptions.ModelId"/> is not consulted.
/// </summary>
public sealed class OpenAiChatClient(OpenAIChat.ChatClient client, string model, Uri endpoint, string providerName) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new(providerName, endpoint, model);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await client.CompleteChatAsync(OpenAiMapping.ToMessages(messages), OpenAiMapping.ToOptions(options), cancellationToken);
        var completion = result.Value;
        var text = string.Concat(completion.Content.Where(p => p.Kind == OpenAIChat.ChatMessageContentPartKind.Text).Select(p => p.Text));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text) { MessageId = completion.Id })
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = OpenAiMapping.ToFinishReason(completion.FinishReason),
            Usage = OpenAiMapping.ToUsage(completion.Usage),
            RawRepresentation = completion,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = client.CompleteChatStreamingAsync(OpenAiMapping.ToMessages(messages), OpenAiMapping.ToOptions(options), cancellationToken);
        await foreach (var update in updates.WithCancellation(cancellationToken))
        {
            var contents = new List<AIContent>();
            var text = string.Concat(update.ContentUpdate.Where(p => p.Kind == OpenAIChat.ChatMessageContentPartKind.Text).Select(p => p.Text));
            if (text.Length > 0) contents.Add(new TextContent(text));
            if (update.Usage is { } usage) contents.Add(new UsageContent(OpenAiMapping.ToUsage(usage)!));
            yield return new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                ResponseId = update.CompletionId,
                MessageId = update.CompletionId,
                ModelId = update.Model,
                CreatedAt = update.CreatedAt,
                FinishReason = update.FinishReason is { } reason ? OpenAiMapping.ToFinishReason(reason) : null,
                RawRepresentation = update,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata)) return _metadata;
        if (serviceType == typeof(OpenAIChat.ChatClient)) return client;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // The SDK client owns no unmanaged resources of its own (its transport is shared).
    }
}
