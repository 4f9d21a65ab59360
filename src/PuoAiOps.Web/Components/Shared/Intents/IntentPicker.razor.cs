using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Components.Shared.Keys;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Components.Shared.Intents;

public partial class IntentPicker : IAsyncDisposable
{

    private ElementReference _input;
    private KeyListener? _keys;
    private IReadOnlyList<PickerIntent> _visible = [];
    private IReadOnlyList<int> _pinned = [];
    private IReadOnlyList<PickerIntent>? _shownIntents;
    private bool _typedFromOutside;

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private AssetPaths Paths { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<PickerIntent> Intents { get; set; } = [];

    /// <summary>Whether an answer exists besides the list (e.g. out of scope): then Enter on an unchanged highlight is not a choice.</summary>
    [Parameter] public bool HasAnswer { get; set; }

    [Parameter] public bool Hidden { get; set; }
    [Parameter] public string InputId { get; set; } = "intent-search";
    [Parameter] public EventCallback<PickerIntent> OnChoose { get; set; }
    [Parameter] public EventCallback<PickerIntent?> OnHighlight { get; set; }
    [Parameter] public EventCallback<KeyPress> OnUnhandledKey { get; set; }

    /// <summary>
    /// Where the focus goes when a number or Enter is pressed in the search (a CSS selector), moved in the
    /// browser at once so the keys typed next land there; the component moves it back when nothing was chosen.
    /// </summary>
    [Parameter] public string? ChoiceFocus { get; set; }

    /// <summary>Where Esc on an empty search sends the focus (a CSS selector).</summary>
    [Parameter] public string? LeaveFocus { get; set; }

    public string Query { get; private set; } = "";

    private Dictionary<string, object[]> Zones() => new(StringComparer.Ordinal)
    {
        ["search"] = ["ArrowUp", "ArrowDown", Rule("digit", ChoiceFocus), Rule("Enter", ChoiceFocus), Rule("Escape:empty", LeaveFocus), "Escape", "?:empty"],
    };

    private static object Rule(string key, string? focus) => focus is null ? key : new KeyRule(key, focus);
    public int? HighlightedId { get; private set; }
    public int? ChosenId { get; private set; }
    public PickerIntent? Chosen => ChosenId is { } id ? Intents.FirstOrDefault(i => i.Id == id) : null;

    /// <summary>The intents shown now, best match first (numbers 1-9 are the first nine).</summary>
    public IReadOnlyList<PickerIntent> Visible => _visible;

    private string ListId => InputId + "-list";
    private string OptionId(PickerIntent intent) => $"{InputId}-option-{intent.Id}";
    private string? ActiveDescendant => _visible.FirstOrDefault(i => i.Id == HighlightedId) is { } h ? OptionId(h) : null;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shownIntents, Intents)) return;
        _shownIntents = Intents;
        _visible = IntentSearch.Rank(Intents, Query, _pinned);
        HighlightedId ??= _visible.Count > 0 ? _visible[0].Id : null;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
            _keys = await KeyListener.StartAsync(JS, Paths, _input, Zones(), OnKeyAsync);
    }

    /// <summary>A new question: empty search, no choice, <paramref name="pinned"/> listed first, <paramref name="chosenId"/> chosen silently.</summary>
    public async Task ResetAsync(IReadOnlyList<int>? pinned = null, int? chosenId = null)
    {
        _pinned = pinned ?? [];
        Query = "";
        _typedFromOutside = false;
        ChosenId = chosenId is { } id && Intents.Any(i => i.Id == id) ? id : null;
        await FilterAsync(highlight: ChosenId);
    }

    /// <summary>The number of the last key press this picker handled (see <see cref="KeyPress.Seq"/>).</summary>
    public long LastPress { get; private set; }

    /// <summary>Focuses the search box, unless a key pressed after <paramref name="afterPress"/> has moved the focus already.</summary>
    public Task FocusAsync(long afterPress = 0) =>
        _keys is not null ? _keys.FocusAsync("#" + InputId, afterPress) : _input.FocusAsync().AsTask();

    /// <summary>A letter typed while the focus was elsewhere starts a search with it (and the next ones continue it until the box has the focus).</summary>
    public async Task TypeAsync(string text, long afterPress = 0)
    {
        Query = _typedFromOutside ? Query + text : text;
        _typedFromOutside = true;
        await FilterAsync();
        await FocusAsync(afterPress);
    }

    public async Task ClearSearchAsync()
    {
        Query = "";
        _typedFromOutside = false;
        await FilterAsync();
    }

    /// <summary>Chooses the <paramref name="number"/>-th match (1-based); false when there is none.</summary>
    public async Task<bool> ChooseNumberAsync(int number) =>
        number >= 1 && number <= Math.Min(IntentSearch.Numbered, _visible.Count) && await ChooseAsync(_visible[number - 1]);

    public async Task<bool> ChooseHighlightedAsync() =>
        _visible.FirstOrDefault(i => i.Id == HighlightedId) is { } intent && await ChooseAsync(intent);

    public void ClearChoice()
    {
        ChosenId = null;
        StateHasChanged();
    }

    public async Task MoveAsync(int delta)
    {
        if (_visible.Count == 0) return;
        var at = Math.Max(0, _visible.ToList().FindIndex(i => i.Id == HighlightedId));
        var next = _visible[Math.Clamp(at + delta, 0, _visible.Count - 1)];
        await HighlightAsync(next);
        StateHasChanged();
        if (_keys is not null) await _keys.RevealAsync(OptionId(next));
    }

    private async Task<bool> ChooseAsync(PickerIntent intent)
    {
        ChosenId = intent.Id;
        // The choice first: keys pressed next (a flag, Enter) act on it.
        await OnChoose.InvokeAsync(intent);
        await HighlightAsync(intent);
        StateHasChanged();
        return true;
    }

    private async Task HighlightAsync(PickerIntent? intent)
    {
        if (HighlightedId == intent?.Id) return;
        HighlightedId = intent?.Id;
        await OnHighlight.InvokeAsync(intent);
    }

    private Task QueryChangedAsync()
    {
        _typedFromOutside = false;
        return FilterAsync();
    }

    private async Task FilterAsync(int? highlight = null)
    {
        _visible = IntentSearch.Rank(Intents, Query, _pinned);
        await HighlightAsync(_visible.FirstOrDefault(i => i.Id == highlight) ?? (_visible.Count > 0 ? _visible[0] : null));
        StateHasChanged();
    }

    private async Task OnKeyAsync(KeyPress press)
    {
        LastPress = Math.Max(LastPress, press.Seq);
        switch (press.Key)
        {
            case "ArrowDown" or "ArrowUp":
                await MoveAsync(press.Key == "ArrowDown" ? 1 : -1);
                break;
            case [>= '1' and <= '9'] digit:
                // The browser has already moved the focus on (ChoiceFocus); no such match: back to the search.
                if (!await ChooseNumberAsync(digit[0] - '0')) await FocusAsync(press.Seq);
                break;
            case "Enter" when HighlightedId is not null && HighlightedId != ChosenId && (Query.Length > 0 || (ChosenId is null && !HasAnswer)):
                await ChooseHighlightedAsync();
                break;
            case "Escape" when Query.Length > 0:
                await ClearSearchAsync();
                break;
            default:
                _typedFromOutside = false;
                await OnUnhandledKey.InvokeAsync(press);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_keys is not null) await _keys.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
