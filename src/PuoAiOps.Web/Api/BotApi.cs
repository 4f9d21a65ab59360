using System.Text.Json;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Common;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Api;

/// <summary>
/// The bot API of the service channels (snake_case JSON): chat, feedback, end of a conversation.
/// API key only (<see cref="Policies.BotApi"/>), a request budget per key, bodies up to
/// <see cref="MaxBodyBytes"/>; every refusal is a 4xx problem details naming the field.
/// No antiforgery token: a key is never sent by a browser on its own, so there is no session to forge.
/// </summary>
internal static class BotApi
{
    public const int MaxBodyBytes = 32 * 1024;
    public const string Tag = "Bot";

    /// <summary>The bodies' JSON options, with metadata generated at build time (<see cref="BotApiJson"/>).</summary>
    public static JsonSerializerOptions Json => BotApiJson.Default.Options;

    public static RouteGroupBuilder MapBotApi(this RouteGroupBuilder api)
    {
        var bot = api.MapGroup("")
            .RequireAuthorization(Policies.BotApi)
            .RequireRateLimiting(BotApiRateLimitPolicy.Name)
            .MapApplicationErrors()
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        bot.MapPost("/chat", ChatAsync).WithName("Chat")
            .WithSummary("Ask the bot")
            .WithDescription("Sends one user message and returns the answer, its intent and source. Without conversation_id a new conversation starts.")
            .DocumentsBody<ChatBody>().Produces<ChatResponseBody>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        bot.MapPost("/feedback", FeedbackAsync).WithName("Feedback")
            .WithSummary("Rate an answer")
            .WithDescription("Records whether a bot turn helped, and whether the user's problem is resolved.")
            .DocumentsBody<FeedbackBody>().Produces<FeedbackResponseBody>().ProducesProblem(StatusCodes.Status404NotFound);
        bot.MapPost("/conversations/{id:long}/end", EndAsync).WithName("EndConversation")
            .WithSummary("End a conversation")
            .WithDescription("Closes the conversation; its outcome follows from what happened. Ending it again changes nothing.")
            .Produces<EndResponseBody>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ChatAsync(HttpRequest request, ChatService chat, CancellationToken ct)
    {
        var body = await BotApiBody.ReadAsync<ChatBody>(request, Json, MaxBodyBytes, ct);
        var result = await chat.ChatAsync(new ChatRequest(body.ConversationId, body.UserId ?? "", body.Message ?? "", body.Locale, body.Channel, body.Context), ct);
        return Results.Json(ChatResponseBody.From(result.Response), Json);
    }

    private static async Task<IResult> FeedbackAsync(HttpRequest request, ConversationCommands commands, CancellationToken ct)
    {
        var body = await BotApiBody.ReadAsync<FeedbackBody>(request, Json, MaxBodyBytes, ct);
        if (body.TurnId is not { } turn) throw new ValidationException("turn_id", "turn_id is required.");
        if (body.Helpful is not { } helpful) throw new ValidationException("helpful", "helpful is required (true or false).");
        var receipt = await commands.FeedbackAsync(new FeedbackRequest(turn, helpful, body.Resolved, body.Comment), ct);
        return Results.Json(new FeedbackResponseBody(receipt.TurnId, receipt.ConversationId, receipt.Recorded), Json);
    }

    private static async Task<IResult> EndAsync(long id, ConversationCommands commands, CancellationToken ct)
    {
        var ended = await commands.EndAsync(id, ct);
        return Results.Json(new EndResponseBody(ended.ConversationId, ended.Outcome, ended.EndedAt), Json);
    }
}
