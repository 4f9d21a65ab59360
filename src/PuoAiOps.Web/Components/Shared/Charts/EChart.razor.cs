using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Shared.Charts;

/// <summary>
/// Draws <see cref="Option"/> with ECharts after the component is on the page, and again whenever a
/// new option object arrives; the JavaScript module keeps one chart per element and resizes it
/// with its container.
/// </summary>
public sealed partial class EChart : IAsyncDisposable
{
    internal const string ModulePath = "js/echarts-interop.js";
    internal const string EChartsPath = "lib/echarts/echarts.min.js";

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private AssetPaths Paths { get; set; } = default!;
    [Inject] private IStringLocalizer<ShellText> Shell { get; set; } = default!;
    [Inject] private ILogger<EChart> Logger { get; set; } = default!;

    /// <summary>The ECharts option; a new reference redraws the chart.</summary>
    [Parameter, EditorRequired] public object Option { get; set; } = default!;

    /// <summary>What the chart shows, in words (the canvas itself says nothing to a screen reader).</summary>
    [Parameter, EditorRequired] public string AriaLabel { get; set; } = "";

    /// <summary>A CSS length; ECharts needs a container with a height.</summary>
    [Parameter] public string Height { get; set; } = "320px";

    [Parameter] public string? Class { get; set; }

    [Parameter] public string? TestId { get; set; }

    private ElementReference _element;
    private IJSObjectReference? _module;
    private object? _drawn;
    private bool _failed;
    private bool _disposed;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_disposed || ReferenceEquals(_drawn, Option)) return;
        var option = Option;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", Paths[ModulePath]);
            await _module.InvokeVoidAsync("render", _element, option, Paths[EChartsPath]);
            _drawn = option;
            if (_failed) { _failed = false; StateHasChanged(); }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; nothing left to draw on.
        }
        catch (JSException e)
        {
            ChartLog.DrawFailed(Logger, e);
            _drawn = option;
            _failed = true;
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_module is null) return;
        try
        {
            await _module.InvokeVoidAsync("dispose", _element);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser side is already gone with the circuit.
        }
    }
}

internal static partial class ChartLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A chart could not be drawn")]
    public static partial void DrawFailed(ILogger logger, Exception exception);
}
