using System.Text.RegularExpressions;
using PuoAiOps.Application.Common;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Bot;

/// <summary>The limits of a chat request, checked before anything runs; every problem is named by its field.</summary>
public static partial class ChatInputRules
{
    public const int MaxUserIdLength = 128;
    public const int MaxCommentLength = 1000;

    public static void Validate(ChatRequest request, BotOptions options)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        if (string.IsNullOrWhiteSpace(request.UserId)) Add("user_id", "user_id is required (the platform's pseudonymous id of the user).");
        else if (request.UserId.Length > MaxUserIdLength) Add("user_id", $"user_id is longer than {MaxUserIdLength} characters.");
        if (string.IsNullOrWhiteSpace(request.Message)) Add("message", "message is required.");
        else if (request.Message.Length > options.MaxMessageLength) Add("message", $"message is longer than {options.MaxMessageLength} characters.");
        if (request.Locale is not null && !ScriptLocales.IsKnown(request.Locale))
            Add("locale", $"Unknown locale '{request.Locale}'; use one of: {string.Join(", ", ScriptLocales.All)}.");
        if (request.Channel is not null && !BotChannels.IsKnown(request.Channel))
            Add("channel", $"Unknown channel '{request.Channel}'; use one of: {string.Join(", ", BotChannels.All)}.");
        if (request.ConversationId is <= 0) Add("conversation_id", "conversation_id must be a positive number.");
        if (request.Context is { } context)
        {
            if (context.Count > options.MaxContextEntries) Add("context", $"context has more than {options.MaxContextEntries} entries.");
            foreach (var (key, value) in context)
            {
                if (!ContextKey().IsMatch(key)) Add("context", $"context key '{Short(key)}' must be 1-64 letters, digits or underscores.");
                else if ((value ?? "").Length > options.MaxContextValueLength) Add("context", $"context value '{key}' is longer than {options.MaxContextValueLength} characters.");
            }
        }
        ValidationException.ThrowIfAny(errors);
    }

    public static void Validate(FeedbackRequest request)
    {
        if (request.TurnId <= 0) throw new ValidationException("turn_id", "turn_id must be the id of a bot turn.");
        if (request.Comment is { Length: > MaxCommentLength }) throw new ValidationException("comment", $"comment is longer than {MaxCommentLength} characters.");
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex ContextKey();
}
