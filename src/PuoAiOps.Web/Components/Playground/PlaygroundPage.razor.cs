using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Common;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Playground;

public partial class PlaygroundPage
{
    internal static readonly string[] Channels = ["app", "web", "email"];

    private readonly List<Exchange> _exchanges = [];
    private string _locale = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? ScriptLocales.Chinese : ScriptLocales.English;
    private string _channel = BotChannels.Default;
    private string? _context = "user_name=Sam\napp_version=8.4";
    private string? _message;
    private string? _messageProblem;
    private string? _contextProblem;
    private long? _conversationId;
    private bool _busy;
    private string? _pendingQuestion;
    private string? _pendingLocale;
    private volatile string? _draft;
    private long _draftShownAt;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <param name="RejectedDraft">What the model wrote when validation refused it (staff see why the bot fell back).</param>
    private sealed record Exchange(string Question, string Locale, ChatResponse Response, BotTrace Trace, string? RejectedDraft);

    /// <summary>Renders at most this often while a draft streams in; the final answer replaces it anyway.</summary>
    private static readonly TimeSpan DraftRenderInterval = TimeSpan.FromMilliseconds(50);

    // A conversation has one locale and channel: changing either starts a new one.
    private void LocaleChanged(string value) => (_locale, _conversationId) = (value, null);

    private void ChannelChanged(string value) => (_channel, _conversationId) = (value, null);

    private void NewConversation()
    {
        _exchanges.Clear();
        _conversationId = null;
    }

    private async Task KeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !e.ShiftKey) await SendAsync();
    }

    private async Task SendAsync()
    {
        _messageProblem = _contextProblem = null;
        if (string.IsNullOrWhiteSpace(_message))
        {
            _messageProblem = T["Message.Required"];
            return;
        }
        if (!TryParseContext(_context, out var context))
        {
            _contextProblem = T["Context.Invalid"];
            return;
        }
        _busy = true;
        (_pendingQuestion, _pendingLocale, _draft) = (_message.Trim(), _locale, null);
        try
        {
            var user = (await AuthenticationState).User;
            var request = new ChatRequest(_conversationId, "playground:" + (user.UserId() ?? "user"), _message.Trim(), _locale, _channel, context) { IsTest = true };
            var result = await Scopes.RunAsync<ChatService, ChatResult>(s => s.ChatAsync(request, ShowDraft));
            var rejected = result.Trace.Llm is { Accepted: false } ? _draft : null;
            _exchanges.Add(new Exchange(_message.Trim(), _locale, result.Response, result.Trace, rejected));
            _conversationId = result.Response.ConversationId;
            _message = null;
        }
        catch (ValidationException ex)
        {
            _messageProblem = T.WordRefusal(ex);
        }
        catch (ConflictException)
        {
            _conversationId = null;
            Snackbar.Add(T["Ended"], Severity.Info);
        }
        finally
        {
            (_busy, _pendingQuestion, _draft) = (false, null, null);
        }
    }

    /// <summary>Called from the pipeline's thread as the model writes: keep the latest draft, render on the circuit's.</summary>
    private void ShowDraft(string draft)
    {
        _draft = draft;
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref _draftShownAt), now) < DraftRenderInterval) return;
        Interlocked.Exchange(ref _draftShownAt, now);
        _ = InvokeAsync(StateHasChanged);
    }

    /// <summary>"key=value" per line; blank lines are skipped.</summary>
    internal static bool TryParseContext(string? text, out Dictionary<string, string> context)
    {
        context = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) return false;
            context[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return true;
    }

    private static Color SourceColor(string source) => source switch
    {
        SourceTypes.Script => Color.Success,
        SourceTypes.Sop => Color.Info,
        SourceTypes.Llm => Color.Primary,
        _ => Color.Warning,
    };
}
