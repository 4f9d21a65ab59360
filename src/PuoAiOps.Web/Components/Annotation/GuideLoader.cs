using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Annotation.Guides;

namespace PuoAiOps.Web.Components.Annotation;

/// <summary>What the guide beside the workbench shows: nothing yet, one intent's section (or its description), or out of scope.</summary>
public sealed record GuideState(bool Shown, bool OutOfScope, IntentGuideInfo? Intent, GuideView? Section, bool Failed = false)
{
    public static GuideState Placeholder { get; } = new(false, false, null, null);
}

/// <summary>
/// Loads the guide of the highlighted intent for the labeling and adjudication pages, each intent once
/// per page. Arrowing through the list waits 150 ms before loading, so not every guide on the way is read.
/// </summary>
public sealed class GuideLoader(IServiceScopeFactory scopes, AnnotationGuides guides, Func<GuideState, Task> show) : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(150);
    private readonly Dictionary<int, GuideState> _cache = [];
    private CancellationTokenSource? _pending;
    private int? _current = -1;

    /// <summary>
    /// Starts loading the guide and returns at once: keys must never wait for a guide (a number pressed
    /// right after a search would otherwise wait for the highlighted intent's guide).
    /// </summary>
    /// <param name="intentId">Null for out of scope (the general rules' section).</param>
    public void Show(int? intentId, bool immediate)
    {
        if (intentId == _current) return;
        _current = intentId;
        _pending?.Cancel();
        _pending?.Dispose();
        var cts = _pending = new CancellationTokenSource();
        _ = LoadAndShowAsync(intentId, immediate, cts.Token);
    }

    private async Task LoadAndShowAsync(int? intentId, bool immediate, CancellationToken ct)
    {
        try
        {
            if (!immediate) await Task.Delay(Settle, ct);
            var state = await LoadAsync(intentId, ct);
            if (!ct.IsCancellationRequested) await show(state);
        }
        catch (OperationCanceledException)
        {
            // the person moved on
        }
#pragma warning disable CA1031 // A guide that fails to load must not take the workbench down: the panel says so.
        catch (Exception)
#pragma warning restore CA1031
        {
            if (!ct.IsCancellationRequested) await show(new GuideState(true, false, null, null, Failed: true));
        }
    }

    private async Task<GuideState> LoadAsync(int? intentId, CancellationToken ct)
    {
        var key = intentId ?? 0;
        if (_cache.TryGetValue(key, out var cached)) return cached;
        GuideState state;
        if (intentId is null)
        {
            state = new GuideState(true, true, null, await guides.SectionAsync(GuideLinks.OutOfScopeRef, ct));
        }
        else
        {
            var intent = await scopes.InScopeAsync(sp => sp.GetRequiredService<IntentCatalog>().GuideInfoAsync(intentId.Value, ct));
            state = intent is null
                ? new GuideState(true, false, null, null, Failed: true)
                : new GuideState(true, false, intent, await guides.SectionAsync(intent.GuideRef, ct));
        }
        _cache[key] = state;
        return state;
    }

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }
}
