using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Components.Shared.Keys;

/// <summary>
/// A key press forwarded by <c>wwwroot/js/keys.js</c>: the key, the zone it was pressed in, Ctrl (or ⌘), and its
/// number on the page (<paramref name="Seq"/>, counted in the browser across listeners; 0 when unknown).
/// </summary>
public sealed record KeyPress(string Key, string Zone, bool Ctrl, long Seq = 0);

/// <summary>A claimed key pattern that also moves the focus to <paramref name="Focus"/> (a CSS selector) at once, in the browser.</summary>
public sealed record KeyRule(string Key, string Focus);

/// <summary>
/// Forwards the key presses a component claims (per zone, see keys.js for the patterns) to
/// <c>onKey</c>; the browser's own handling of those presses is prevented. Everything a key does is
/// decided in .NET: the script only knows which presses to claim.
/// </summary>
public sealed class KeyListener : IAsyncDisposable
{
    private readonly Func<KeyPress, Task> _onKey;
    private readonly Func<bool, Task>? _onVisibility;
    private DotNetObjectReference<KeyListener>? _self;
    private IJSObjectReference? _module;
    private readonly List<IJSObjectReference> _handles = [];

    private KeyListener(Func<KeyPress, Task> onKey, Func<bool, Task>? onVisibility)
    {
        _onKey = onKey;
        _onVisibility = onVisibility;
    }

    /// <param name="element">The element to listen on; null for the whole document.</param>
    /// <param name="zones">Zone name → claimed patterns (strings, or <see cref="KeyRule"/> to move the focus too).</param>
    /// <param name="onVisibility">Told when the tab is hidden (true) or shown again (false).</param>
    public static async Task<KeyListener> StartAsync(IJSRuntime js, AssetPaths paths, ElementReference? element,
        IReadOnlyDictionary<string, object[]> zones, Func<KeyPress, Task> onKey, Func<bool, Task>? onVisibility = null)
    {
        var listener = new KeyListener(onKey, onVisibility);
        listener._self = DotNetObjectReference.Create(listener);
        listener._module = await js.InvokeAsync<IJSObjectReference>("import", paths["js/keys.js"]);
        listener._handles.Add(await listener._module.InvokeAsync<IJSObjectReference>("listen", element, listener._self, zones));
        if (onVisibility is not null)
            listener._handles.Add(await listener._module.InvokeAsync<IJSObjectReference>("watchVisibility", listener._self));
        return listener;
    }

    /// <summary>Scrolls the element with this id into view if it is not (a list's highlighted entry).</summary>
    public async Task RevealAsync(string id)
    {
        if (_module is not null) await _module.InvokeVoidAsync("reveal", id);
    }

    /// <summary>
    /// Moves the focus to <paramref name="selector"/> as decided after press <paramref name="afterPress"/> (0 when no
    /// key led to it). The browser drops the move when a later press has already moved the focus itself: the
    /// round trip must not pull a fast typist back from where their keys now go.
    /// </summary>
    public async Task FocusAsync(string selector, long afterPress)
    {
        if (_module is not null) await _module.InvokeVoidAsync("focus", selector, afterPress);
    }

    [JSInvokable]
    public Task OnKeyAsync(KeyPress press) => _onKey(press);

    [JSInvokable]
    public Task OnVisibilityChanged(bool hidden) => _onVisibility?.Invoke(hidden) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var handle in _handles)
            {
                await handle.InvokeVoidAsync("dispose");
                await handle.DisposeAsync();
            }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page with it.
        }
        _self?.Dispose();
    }
}
