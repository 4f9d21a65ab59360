using System.Globalization;
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

public partial class AdjudicatePage
{
    private const string RootSelector = "[data-adjudicating]";
    private const string ReasonSelector = "#decision-reason";

    private static readonly Dictionary<string, object[]> Zones = new(StringComparer.Ordinal)
    {
        ["page"] = ["Enter", "ArrowUp", "ArrowDown", new KeyRule("digit", ReasonSelector), new KeyRule("r", ReasonSelector), new KeyRule("g", "#guide-panel"),
            "letter", "?", new KeyRule("/", "#intent-search")],
        ["reason"] = ["Enter", new KeyRule("Escape", RootSelector)],
    };

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;
    [SupplyParameterFromQuery(Name = "batch")] private string? Batch { get; set; }
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private AssetPaths Paths { get; set; } = default!;
    [Inject] private AnnotationGuides Guides { get; set; } = default!;

    private string _userId = "";
    private long? _batchId;
    private AdjudicationPosition? _position;
    private IReadOnlyList<PickerIntent> _intents = [];
    private PickerIntent? _intent;
    private bool _outOfScope;
    private string? _reason;
    private string? _notice, _warning, _error, _hint;
    private bool _busy;
    private bool _sheetOpen;
    private bool _caseChanged = true;
    private Focus _focus;
    private long _lastPress;
    private GuideState _guide = GuideState.Placeholder;
    private GuideLoader _guides = default!;

    private IntentPicker? _picker;
    private KeyListener? _keys;
    private bool _keysStarted;

    private enum Focus { None, Search, Root, Reason, Guide }

    private bool HasAnswer => _outOfScope || _intent is not null;

    protected override async Task OnInitializedAsync()
    {
        _guides = new GuideLoader(Scopes, Guides, guide => InvokeAsync(() => { _guide = guide; StateHasChanged(); }));
        _userId = (await Authentication).User.UserId() ?? "";
        _batchId = long.TryParse(Batch, CultureInfo.InvariantCulture, out var id) ? id : null;
        await Scopes.InScopeAsync(async sp =>
        {
            _intents = await sp.GetRequiredService<IntentCatalog>().PickerAsync(CancellationToken.None);
            Show(await sp.GetRequiredService<AdjudicationQueueReader>().AtAsync(_userId, _batchId, 0, CancellationToken.None));
        });
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_position is null || !RendererInfo.IsInteractive) return;
        if (!_keysStarted)
        {
            // Set before the await: another render may run this method again meanwhile.
            _keysStarted = true;
            _keys = await KeyListener.StartAsync(JS, Paths, null, Zones, OnKeyAsync);
        }
        if (_caseChanged && _picker is not null)
        {
            _caseChanged = false;
            await _picker.ResetAsync(Candidates(_position.Case), _intent?.Id);
            if (_position.Case is null) _focus = Focus.Root;
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
        Focus.Reason => ReasonSelector,
        Focus.Guide => "#guide-panel",
        _ => null,
    };

    /// <summary>The annotators' distinct intents, most chosen first: listed first in the picker so 1, 2… take them.</summary>
    private static int[] Candidates(AdjudicationCase? c) => c is null ? [] :
        [.. c.Labels.Where(l => l.Intent.Id is not null).GroupBy(l => l.Intent.Id!.Value).OrderByDescending(g => g.Count()).Select(g => g.Key)];

    private void Show(AdjudicationPosition position, bool keepDraft = false)
    {
        _position = position;
        _hint = null;
        _caseChanged = true;
        if (!keepDraft)
        {
            _intent = null;
            _outOfScope = false;
            _reason = null;
        }
        _focus = HasAnswer ? Focus.Reason : Focus.Search;
    }

    private void Chosen(PickerIntent intent)
    {
        _intent = intent;
        _outOfScope = false;
        _hint = null;
        _focus = Focus.Reason;
        _guides.Show(intent.Id, immediate: true);
    }

    private void Highlighted(PickerIntent? intent)
    {
        if (intent is not null) _guides.Show(intent.Id, immediate: false);
    }

    private void ToggleOutOfScope() => SetOutOfScope(!_outOfScope);

    // A checkbox may report its value again when the page sets it (a new case): set, never toggle, from it.
    private void SetOutOfScope(bool on)
    {
        if (_position?.Case is null || on == _outOfScope) return;
        _outOfScope = on;
        if (_outOfScope)
        {
            _intent = null;
            _picker?.ClearChoice();
            _focus = Focus.Reason;
            _guides.Show(null, immediate: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_keys is not null) await _keys.DisposeAsync();
        _guides?.Dispose();
        GC.SuppressFinalize(this);
    }
}
