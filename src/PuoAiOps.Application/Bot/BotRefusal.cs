using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// Why a chat, feedback or end-of-conversation request is refused (<c>Code</c> / <c>Codes</c> of the
/// common exceptions): the REST API answers the English wording with the code; the playground words
/// each value from <c>PlaygroundText</c> (<c>BotRefusal.&lt;value&gt;</c>).
/// </summary>
public enum BotRefusal
{
    [English("user_id is required (the platform's pseudonymous id of the user).")] UserIdRequired,
    [English("user_id is longer than {0} characters.")] UserIdTooLong,
    [English("message is required.")] MessageRequired,
    [English("message is longer than {0} characters.")] MessageTooLong,
    [English("Unknown locale '{0}'; use one of: {1}.")] UnknownLocale,
    [English("Unknown channel '{0}'; use one of: {1}.")] UnknownChannel,
    [English("conversation_id must be a positive number.")] ConversationIdNotPositive,
    [English("context has more than {0} entries.")] TooManyContextEntries,
    [English("context key '{0}' must be 1-64 letters, digits or underscores.")] BadContextKey,
    [English("context value '{0}' is longer than {1} characters.")] ContextValueTooLong,
    [English("turn_id must be the id of a bot turn.")] TurnIdNotPositive,
    [English("comment is longer than {0} characters.")] CommentTooLong,
    [English("No conversation {0} for this user.")] NoConversationForUser,
    [English("Conversation {0} has ended; start a new one (leave conversation_id out).")] ConversationEnded,
    [English("No bot turn {0}.")] NoBotTurn,
    [English("No conversation {0}.")] NoConversation,
}
