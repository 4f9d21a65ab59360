using System.Text.RegularExpressions;
using PuoAiOps.Application.Common;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Bot;

/// <summary>The limits of a chat request, checked before anything runs; every problem is named by its field.</summary>
public static partial class ChatInputRules
{
    public const int MaxUserIdLength = 128;
    public const int MaxCommentLength = 1000;

    public static void Validate(ChatRequest request, BotOptions options)
    {
        var errors = new Dictionary<string, List<(string Text, CodedMessage? Code)>>();
        void Add(string field, BotRefusal code, params object[] args)
        {
            var message = CodedMessage.Of(code, args);
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add((message.English, message));
        }

        if (string.IsNullOrWhiteSpace(request.UserId)) Add("user_id", BotRefusal.UserIdRequired);
        else if (request.UserId.Length > MaxUserIdLength) Add("user_id", BotRefusal.UserIdTooLong, MaxUserIdLength);
        if (string.IsNullOrWhiteSpace(request.Message)) Add("message", BotRefusal.MessageRequired);
        else if (request.Message.Length > options.MaxMessageLength) Add("message", BotRefusal.MessageTooLong, options.MaxMessageLength);
        if (request.Locale is not null && !ScriptLocales.IsKnown(request.Locale))
            Add("locale", BotRefusal.UnknownLocale, request.Locale, string.Join(", ", ScriptLocales.All));
        if (request.Channel is not null && !BotChannels.IsKnown(request.Channel))
            Add("channel", BotRefusal.UnknownChannel, request.Channel, string.Join(", ", BotChannels.All));
        if (request.ConversationId is <= 0) Add("conversation_id", BotRefusal.ConversationIdNotPositive);
        if (request.Context is { } context)
        {
            if (context.Count > options.MaxContextEntries) Add("context", BotRefusal.TooManyContextEntries, options.MaxContextEntries);
            foreach (var (key, value) in context)
            {
                if (!ContextKey().IsMatch(key)) Add("context", BotRefusal.BadContextKey, Short(key));
                else if ((value ?? "").Length > options.MaxContextValueLength) Add("context", BotRefusal.ContextValueTooLong, key, options.MaxContextValueLength);
            }
        }
        ValidationException.ThrowIfAny(errors);
    }

    public static void Validate(FeedbackRequest request)
    {
        if (request.TurnId <= 0) throw new ValidationException("turn_id", CodedMessage.Of(BotRefusal.TurnIdNotPositive));
        if (request.Comment is { Length: > MaxCommentLength }) throw new ValidationException("comment", CodedMessage.Of(BotRefusal.CommentTooLong, MaxCommentLength));
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex ContextKey();
}
