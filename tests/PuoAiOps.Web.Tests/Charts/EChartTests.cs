using Bunit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;
using PuoAiOps.Web.Components.Shared.Charts;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Tests.Charts;

/// <summary>The chart component's conversation with its JavaScript module (bUnit, strict JS interop).</summary>
public sealed class EChartTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly BunitJSModuleInterop _module;

    public EChartTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.Services.AddSingleton(new AssetPaths(new WebRootOnly()));
        _module = _context.JSInterop.SetupModule("/" + EChart.ModulePath);
        _module.SetupVoid("render", _ => true).SetVoidResult();
        _module.SetupVoid("dispose", _ => true).SetVoidResult();
    }

    [Fact]
    public void FirstRender_DrawsTheOption_WithTheChartLabelledForScreenReaders()
    {
        var option = new { series = new[] { new { type = "bar", data = new[] { 1, 2 } } } };
        var chart = _context.Render<EChart>(p => p.Add(c => c.Option, option).Add(c => c.AriaLabel, "Labels per day"));

        var call = Assert.Single(_module.VerifyInvoke("render", calledTimes: 1).ToArray());
        Assert.Same(option, call.Arguments[1]);
        Assert.Equal("Labels per day", chart.Find("[role=img]").GetAttribute("aria-label"));
    }

    [Fact]
    public void NewOption_RedrawsInPlace_AndTheSameOptionDoesNot()
    {
        var first = new { title = new { text = "a" } };
        var chart = _context.Render<EChart>(p => p.Add(c => c.Option, first).Add(c => c.AriaLabel, "x"));
        chart.Render(p => p.Add(c => c.Option, first));
        _module.VerifyInvoke("render", calledTimes: 1);

        var second = new { title = new { text = "b" } };
        chart.Render(p => p.Add(c => c.Option, second));
        var calls = _module.VerifyInvoke("render", calledTimes: 2);
        Assert.Same(second, calls[1].Arguments[1]);
    }

    [Fact]
    public async Task Dispose_ReleasesTheChart()
    {
        _context.Render<EChart>(p => p.Add(c => c.Option, new { }).Add(c => c.AriaLabel, "x"));
        await _context.DisposeComponentsAsync();
        _module.VerifyInvoke("dispose", calledTimes: 1);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    /// <summary>A web root with no files: asset paths stay unversioned, which is all these tests need.</summary>
    private sealed class WebRootOnly : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "PuoAiOps.Web";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public string EnvironmentName { get; set; } = "Test";
    }
}
