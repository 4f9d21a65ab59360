using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Components.Shared.Keys;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Annotation;

/// <summary>The labeling page's actions (submit-and-next, skip, undo) and its keys. Rules stay in QueueService.</summary>
public partial class LabelPage
{
    private async Task SubmitAsync()
    {
        if (_busy || _state?.Item is not { } item) return;
        if (!_draft.HasAnswer)
        {
            _hint = T["Label.Hint.ChooseFirst"];
            _focus = Focus.Search;
            return;
        }
        var draft = _draft;
        var input = draft.ToInput(_clock.Active);
        var answered = draft.OutOfScope ? T["OutOfScope"].Value : draft.Intent!.Name;
        var reveal = item.Suggestion is null;
        await RunAsync(async sp =>
        {
            var reader = sp.GetRequiredService<LabelingReader>();
            try
            {
                var result = await sp.GetRequiredService<QueueService>().SubmitAndNextAsync(item.ItemId, _userId, input);
                ClearMessages();
                Show(await reader.ForAsync(BatchId, _userId, result.Next, CancellationToken.None));
                _saved = answered;
                if (reveal) _revealed = new RevealedSuggestion(item.ItemId, Loaded: false, null);
            }
            catch (AnnotationException ex) when (ex.Error == AnnotationError.Invalid)
            {
                ClearMessages();
                _error = T.Word(ex.Refusal);
                Show(await reader.CurrentAsync(BatchId, _userId, CancellationToken.None), keep: draft);
            }
            catch (AnnotationException ex) when (ex.Error is AnnotationError.Conflict or AnnotationError.Forbidden)
            {
                // Someone filled the item first, a second Enter, or the batch paused: carry on with what is next.
                ClearMessages();
                _warning = T.Word(ex.Refusal);
                Show(await reader.CurrentAsync(BatchId, _userId, CancellationToken.None));
            }
        });
        // Batches without up-front suggestions: the model's guess for the question just answered, once the label is stored.
        if (_revealed is { Loaded: false } pending)
            await RevealAsync(pending.ItemId);
    }

    private async Task RevealAsync(long itemId)
    {
        try
        {
            var suggestion = await Scopes.InScopeAsync(sp => sp.GetRequiredService<SuggestionService>().ForItemAsync(BatchId, itemId, _userId));
            if (_revealed?.ItemId == itemId) _revealed = new RevealedSuggestion(itemId, Loaded: true, suggestion);
        }
        catch (AnnotationException)
        {
            // The suggestion is a courtesy; labeling goes on without it.
            _revealed = null;
        }
        StateHasChanged();
    }

    private async Task SkipAsync()
    {
        if (_busy || _state?.Item is not { } item) return;
        var reason = _skipReason ?? "";
        await RunAsync(async sp =>
        {
            var reader = sp.GetRequiredService<LabelingReader>();
            try
            {
                var next = await sp.GetRequiredService<QueueService>().SkipAndNextAsync(item.ItemId, _userId, reason);
                ClearMessages();
                Show(await reader.ForAsync(BatchId, _userId, next, CancellationToken.None));
                _notice = T["Label.Skipped"];
            }
            catch (AnnotationException ex) when (ex.Error == AnnotationError.Invalid)
            {
                ClearMessages();
                _error = T["Label.Error.SkipReason"];
                _focus = Focus.Skip;
            }
            catch (AnnotationException ex) when (ex.Error is AnnotationError.Conflict or AnnotationError.Forbidden)
            {
                ClearMessages();
                _warning = T.Word(ex.Refusal);
                Show(await reader.CurrentAsync(BatchId, _userId, CancellationToken.None));
            }
        });
    }

    private async Task UndoAsync()
    {
        if (_busy || _state is null) return;
        await RunAsync(async sp =>
        {
            var reader = sp.GetRequiredService<LabelingReader>();
            try
            {
                var undone = await sp.GetRequiredService<QueueService>().UndoLastAsync(_userId, BatchId);
                ClearMessages();
                if (undone is null)
                {
                    _warning = T["Label.NothingToUndo"];
                    return;
                }
                Show(await reader.ForAsync(BatchId, _userId, undone.Next, CancellationToken.None));
                _notice = undone.Next?.ItemId == undone.ItemId ? T["Label.Undone"] : T["Label.UndoneElsewhere"];
            }
            catch (AnnotationException ex) when (ex.Error == AnnotationError.Conflict)
            {
                ClearMessages();
                _warning = T.Word(ex.Refusal);
            }
        });
    }

    /// <summary>One request at a time: a repeated key must not label or undo twice.</summary>
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

    private async Task OnKeyAsync(KeyPress press)
    {
        await InvokeAsync(async () =>
        {
            await HandleKeyAsync(press);
            StateHasChanged();
        });
    }

    private async Task HandleKeyAsync(KeyPress press)
    {
        _lastPress = Math.Max(_lastPress, press.Seq);
        if (_sheetOpen)
        {
            if (press.Key == "?") _sheetOpen = false;
            _focus = Focus.Root;
            return;
        }
        switch (press.Zone)
        {
            case "note" when press.Key == "Enter": await SubmitAsync(); return;
            case "note": _focus = Focus.Root; return;
            case "skip" when press.Key == "Enter": await SkipAsync(); return;
            case "skip": await CloseSkipAsync(); return;
        }
        if (_picker is null) return;
        var key = press.Key;
        if (press.Ctrl && key is "z" or "Z")
        {
            await UndoAsync();
            return;
        }
        switch (key)
        {
            case "Enter" when _draft.HasAnswer: await SubmitAsync(); return;
            case "Enter": await _picker.ChooseHighlightedAsync(); return;
            case "ArrowDown" or "ArrowUp": await _picker.MoveAsync(key == "ArrowDown" ? 1 : -1); return;
            case "?": _sheetOpen = true; return;
            case "g": _focus = Focus.Guide; return;
        }
        if (_state?.Item is null)
        {
            if (key == "z") await UndoAsync();
            return;
        }
        switch (key)
        {
            case "o" or "u" or "m": ToggleFlag(key[0]); break;
            case "n": _focus = Focus.Note; break;
            case "s": await OpenSkipAsync(); break;
            case "z": await UndoAsync(); break;
            case "/": _focus = Focus.Search; break;
            case [>= '1' and <= '9']: await _picker.ChooseNumberAsync(key[0] - '0'); break;
            default: await _picker.TypeAsync(key, press.Seq); break;
        }
    }

    /// <summary>Keys the search box passes on: Enter with nothing new to choose submits, Esc on an empty search leaves it, ? opens the sheet.</summary>
    private async Task SearchKeyAsync(KeyPress press)
    {
        _lastPress = Math.Max(_lastPress, press.Seq);
        switch (press.Key)
        {
            case "Enter" when _draft.HasAnswer: await SubmitAsync(); break;
            case "Enter":
                _hint = T["Label.Hint.ChooseFirst"];
                _focus = Focus.Search;
                break;
            case "Escape": _focus = Focus.Root; break;
            case "?": _sheetOpen = true; break;
        }
    }
}
