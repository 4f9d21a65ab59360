using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Components.Shared.Keys;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Annotation;

/// <summary>Deciding, putting a case off, and the keys. The rules (never your own item, reason required) are AdjudicationService's.</summary>
public partial class AdjudicatePage
{
    private async Task DecideAsync()
    {
        if (_busy || _position?.Case is not { } c) return;
        if (!HasAnswer)
        {
            _hint = T["Adjudicate.Hint.Answer"];
            _focus = Focus.Search;
            return;
        }
        if (string.IsNullOrWhiteSpace(_reason))
        {
            _hint = T["Adjudicate.Hint.Reason"];
            _focus = Focus.Reason;
            return;
        }
        var input = new AdjudicationInput(_outOfScope ? null : _intent?.Id, _outOfScope, _reason);
        var skip = _position.Skip;
        await RunAsync(async sp =>
        {
            var reader = sp.GetRequiredService<AdjudicationQueueReader>();
            try
            {
                await sp.GetRequiredService<AdjudicationService>().AdjudicateAsync(c.ItemId, _userId, input);
                // The decided case leaves the queue, so the same position now holds the next one.
                Show(await reader.AtAsync(_userId, _batchId, skip, CancellationToken.None));
                (_notice, _warning, _error) = (T["Adjudicate.Saved"], null, null);
            }
            catch (AnnotationException ex) when (ex.Error == AnnotationError.Invalid)
            {
                Show(await reader.ForItemAsync(_userId, c.ItemId, _batchId, skip, CancellationToken.None), keepDraft: true);
                (_notice, _warning, _error) = (null, null, T.Word(ex.Refusal));
            }
            catch (AnnotationException ex) when (ex.Error is AnnotationError.Forbidden or AnnotationError.Conflict)
            {
                // Own label, or another reviewer decided first: say so and move on to a case this reviewer can decide.
                Show(await reader.AtAsync(_userId, _batchId, skip, CancellationToken.None));
                (_notice, _warning, _error) = (null, T.Word(ex.Refusal), null);
            }
        });
    }

    private async Task LaterAsync()
    {
        if (_busy || _position is null) return;
        var skip = _position.Skip + 1;
        await RunAsync(async sp =>
        {
            Show(await sp.GetRequiredService<AdjudicationQueueReader>().AtAsync(_userId, _batchId, skip, CancellationToken.None));
            (_notice, _warning, _error) = (null, null, null);
        });
    }

    private async Task RunAsync(Func<IServiceProvider, Task> work)
    {
        _busy = true;
        try
        {
            await Scopes.InScopeAsync(work);
        }
        finally
        {
            _busy = false;
        }
        StateHasChanged();
    }

    private Task OnKeyAsync(KeyPress press) => InvokeAsync(async () =>
    {
        await HandleKeyAsync(press);
        StateHasChanged();
    });

    private async Task HandleKeyAsync(KeyPress press)
    {
        _lastPress = Math.Max(_lastPress, press.Seq);
        if (_sheetOpen)
        {
            if (press.Key == "?") _sheetOpen = false;
            _focus = Focus.Root;
            return;
        }
        if (press.Zone == "reason")
        {
            if (press.Key == "Enter") await DecideAsync();
            else _focus = Focus.Root;
            return;
        }
        if (_picker is null) return;
        var key = press.Key;
        switch (key)
        {
            case "Enter" when HasAnswer: await DecideAsync(); return;
            case "Enter": await _picker.ChooseHighlightedAsync(); return;
            case "ArrowDown" or "ArrowUp": await _picker.MoveAsync(key == "ArrowDown" ? 1 : -1); return;
            case "?": _sheetOpen = true; return;
            case "g": _focus = Focus.Guide; return;
        }
        if (_position?.Case is null) return;
        switch (key)
        {
            case "o": ToggleOutOfScope(); break;
            case "r": _focus = Focus.Reason; break;
            case "l": await LaterAsync(); break;
            case "/": _focus = Focus.Search; break;
            case [>= '1' and <= '9']: await _picker.ChooseNumberAsync(key[0] - '0'); break;
            default: await _picker.TypeAsync(key, press.Seq); break;
        }
    }

    private Task SearchKeyAsync(KeyPress press)
    {
        _lastPress = Math.Max(_lastPress, press.Seq);
        switch (press.Key)
        {
            case "Enter" when HasAnswer: _focus = Focus.Reason; break;
            case "Enter":
                _hint = T["Adjudicate.Hint.Answer"];
                _focus = Focus.Search;
                break;
            case "Escape": _focus = Focus.Root; break;
            case "?": _sheetOpen = true; break;
        }
        return Task.CompletedTask;
    }
}
