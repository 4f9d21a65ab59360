using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Annotation.Guides;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components.Shared.Intents;
using PuoAiOps.Web.Components.Shared.Keys;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Components.Annotation;

public partial class LabelPage
{
    /// <summary>What the page claims from the browser, per zone (see js/keys.js); the search box is the picker's own.</summary>
    private const string RootSelector = "[data-labeling]";

    private static readonly Dictionary<string, object[]> Zones = new(StringComparer.Ordinal)
    {
        ["page"] = ["Enter", "ArrowUp", "ArrowDown", "digit", new KeyRule("n", "#label-note"), new KeyRule("g", "#guide-panel"),
            "letter", "?", new KeyRule("/", "#intent-search"), "ctrl+z"],
        ["note"] = ["Enter", new KeyRule("Escape", RootSelector)],
        ["skip"] = ["Enter", "Escape"],
    };

    [Parameter] public long BatchId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private AssetPaths Paths { get; set; } = default!;
    [Inject] private AnnotationGuides Guides { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private string _userId = "";
    private BatchSummary? _batch;
    private LabelingState? _state;
    private IReadOnlyList<PickerIntent> _intents = [];
    private bool _missing;
    private bool _forbidden;

    private LabelDraft _draft = new();
    private bool _busy;
    private string? _notice, _warning, _error, _hint, _saved;
    private RevealedSuggestion? _revealed;
    private bool _skipOpen;
    private string? _skipReason;
    private bool _sheetOpen;

    private IntentPicker? _picker;
    private KeyListener? _keys;
    private bool _keysStarted;
    private ItemClock _clock = default!;
    private Focus _focus = Focus.Search;
    private long _lastPress;
    private bool _itemChanged = true;
    private GuideState _guide = GuideState.Placeholder;
    private GuideLoader _guides = default!;

    private sealed record RevealedSuggestion(long ItemId, bool Loaded, IntentSuggestion? Suggestion);
    private enum Focus { None, Search, Root, Note, Skip, Guide }

    protected override async Task OnInitializedAsync()
    {
        _clock = new ItemClock(Time);
        _guides = new GuideLoader(Scopes, Guides, guide => InvokeAsync(() => { _guide = guide; StateHasChanged(); }));
        _userId = (await Authentication).User.UserId() ?? "";
        try
        {
            (_batch, _state, _intents) = await Scopes.InScopeAsync(async sp =>
            {
                var batch = await sp.GetRequiredService<BatchService>().GetAsync(BatchId);
                var state = await sp.GetRequiredService<LabelingReader>().CurrentAsync(BatchId, _userId, CancellationToken.None);
                var intents = await sp.GetRequiredService<IntentCatalog>().PickerAsync(CancellationToken.None);
                return (batch, state, intents);
            });
        }
        catch (AnnotationException ex) when (ex.Error == AnnotationError.NotFound)
        {
            _missing = true;
            Navigation.NotFound();
        }
        catch (AnnotationException ex) when (ex.Error == AnnotationError.Forbidden)
        {
            _forbidden = true;
            _batch ??= await Scopes.InScopeAsync(sp => sp.GetRequiredService<BatchService>().GetAsync(BatchId));
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_state is null || !RendererInfo.IsInteractive) return;
        if (!_keysStarted)
        {
            // Set before the await: another render may run this method again meanwhile.
            _keysStarted = true;
            _keys = await KeyListener.StartAsync(JS, Paths, null, Zones, OnKeyAsync, hidden => { _clock.SetHidden(hidden); return Task.CompletedTask; });
        }
        if (_itemChanged && _picker is not null)
        {
            _itemChanged = false;
            // Batches that show suggestions list the model's guess first, so 1 takes it.
            var pinned = _state.Item?.Suggestion?.Intent.Id is { } suggested ? new[] { suggested } : null;
            await _picker.ResetAsync(pinned, _draft.Intent?.Id);
            _clock.Restart();
            if (_state.Item is null) _focus = Focus.Root;
        }
        var focus = _focus;
        _focus = Focus.None;
        if (FocusSelector(focus) is { } selector && _keys is not null)
            await _keys.FocusAsync(selector, Math.Max(_lastPress, _picker?.LastPress ?? 0));
    }

    private string? FocusSelector(Focus focus) => focus switch
    {
        Focus.Search when _picker is not null => "#" + _picker.InputId,
        Focus.Root => RootSelector,
        Focus.Note => "#label-note",
        Focus.Skip => "#skip-reason",
        Focus.Guide => "#guide-panel",
        _ => null,
    };

    /// <summary>Shows <paramref name="state"/>: a new item (or none) with a fresh answer, the focus in the search.</summary>
    private void Show(LabelingState state, LabelDraft? keep = null)
    {
        var same = state.Item?.ItemId == _state?.Item?.ItemId && state.Item is not null;
        _state = state;
        if (same && keep is not null) return;
        _draft = keep ?? new LabelDraft();
        _skipOpen = false;
        _skipReason = null;
        _hint = null;
        _itemChanged = true;
        _focus = Focus.Search;
    }

    private void ClearMessages() => (_notice, _warning, _error, _saved, _revealed) = (null, null, null, null, null);

    private void Chosen(PickerIntent intent)
    {
        _draft.Intent = intent;
        _draft.OutOfScope = false;
        _hint = null;
        _guides.Show(intent.Id, immediate: true);
        _focus = Focus.Root;
    }

    private void Highlighted(PickerIntent? intent)
    {
        if (intent is not null) _guides.Show(intent.Id, immediate: false);
    }

    private void ToggleFlag(char flag) => SetFlag((flag, flag switch
    {
        'o' => !_draft.OutOfScope,
        'u' => !_draft.Unclear,
        _ => !_draft.MultipleIntents,
    }));

    private void SetFlag((char Flag, bool On) change)
    {
        if (_state?.Item is null) return;
        switch (change.Flag)
        {
            case 'o' when change.On != _draft.OutOfScope:
                _draft.OutOfScope = change.On;
                if (_draft.OutOfScope)
                {
                    _draft.Intent = null;
                    _picker?.ClearChoice();
                    _guides.Show(null, immediate: true);
                }
                _hint = null;
                break;
            case 'u': _draft.Unclear = change.On; break;
            case 'm': _draft.MultipleIntents = change.On; break;
        }
    }

    private async Task OpenSkipAsync()
    {
        if (_state?.Item is null) return;
        _skipOpen = true;
        _focus = Focus.Skip;
        await Task.CompletedTask;
    }

    private Task CloseSkipAsync()
    {
        _skipOpen = false;
        _focus = Focus.Root;
        return Task.CompletedTask;
    }

    private void ToggleSheet() => _sheetOpen = !_sheetOpen;

    public async ValueTask DisposeAsync()
    {
        if (_keys is not null) await _keys.DisposeAsync();
        _guides?.Dispose();
        GC.SuppressFinalize(this);
    }
}
