using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Text.Redaction;
using PuoAiOps.Web.Components.Admin;
using PuoAiOps.Web.Components.Questions;
using PuoAiOps.Web.Questions;

namespace PuoAiOps.Web.Tests.Admin;

/// <summary>Component logic of the admin and question pages on its own (bUnit), and the helpers they use.</summary>
public sealed class AdminComponentTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;

    public AdminComponentTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    [Fact]
    public void PiiPreview_ShowsTheSampleAsText_WithOnlyTheRedactorsMarkersHighlighted()
    {
        var preview = PiiPatternPreview.Try([new CustomPiiPattern("ticket", @"TK\d{5}")], "Ticket TK12345 <b>from</b> ann@example.com");
        var view = _context.Render<PiiPreviewView>(p => p.Add(v => v.Preview, preview));

        var output = view.Find("[data-testid=pii-test-output]");
        Assert.Equal("Ticket <TICKET> <b>from</b> <EMAIL>", output.TextContent);
        Assert.Equal(["<TICKET>", "<EMAIL>"], output.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Empty(output.QuerySelectorAll("b")); // the sample's own tag is text, not markup
        Assert.Contains("&lt;b&gt;from&lt;/b&gt;", output.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("1 × <EMAIL>", view.Find("[data-testid=pii-test-counts]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PiiPreview_NamesABadPattern_InTheReadersLanguage()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var view = _context.Render<PiiPreviewView>(p => p.Add(v => v.Preview, PiiPatternPreview.Try([new CustomPiiPattern("broken", "(")], "x")));
        Assert.Contains("模式“broken”", view.Find("[data-testid=pii-test-errors]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(201, """{"runId":42,"imported":3}""", 42L, null)]
    [InlineData(413, """{"title":"The file is over the import limit (Import:MaxFileBytes)."}""", null, "The file is over the import limit (Import:MaxFileBytes).")]
    [InlineData(400, """{"title":"One or more fields are invalid.","errors":{"file":["Choose a CSV or JSON Lines file to import."]}}""", null, "Choose a CSV or JSON Lines file to import.")]
    [InlineData(502, "<html>Bad gateway</html>", null, null)]
    [InlineData(0, "", null, null)]
    public void UploadAnswers_ReadTheRunOrTheMessage(int status, string body, long? runId, string? message) =>
        Assert.Equal(new UploadAnswers.Answer(runId, message), UploadAnswers.Read(status, body));

    [Fact]
    public void SearchLimiter_RefusesAUserOverTheAllowance_OthersUnaffected()
    {
        using var limiter = new QuestionSearchLimiter(Options.Create(new QuestionSearchLimitOptions { Burst = 2, PerRefill = 1, RefillPeriod = TimeSpan.FromHours(1) }));
        for (var i = 0; i < 2; i++)
        {
            using var lease = limiter.TryAcquire("ann");
            Assert.True(lease.IsAcquired);
        }
        using (var refused = limiter.TryAcquire("ann"))
            Assert.False(refused.IsAcquired);
        using var other = limiter.TryAcquire("bob");
        Assert.True(other.IsAcquired);
    }

    [Fact]
    public void SearchLimiter_HoldsAtMostTheConcurrentSearchesOfOneUser()
    {
        using var limiter = new QuestionSearchLimiter(Options.Create(new QuestionSearchLimitOptions { Concurrent = 1, Burst = 10 }));
        using var running = limiter.TryAcquire("ann");
        Assert.True(running.IsAcquired);
        using (var second = limiter.TryAcquire("ann"))
            Assert.False(second.IsAcquired);
        running.Dispose();
        using var after = limiter.TryAcquire("ann");
        Assert.True(after.IsAcquired);
    }

    [Fact]
    public void ShellErrorBoundary_ShowsAPlainMessage_WithoutTheExceptionsDetails()
    {
        _context.Services.AddLogging();
        var boundary = _context.Render<PuoAiOps.Web.Components.Shell.ShellErrorBoundary>(p => p.AddChildContent<FailingPage>());
        var error = boundary.Find("[data-testid=page-error]");
        Assert.Contains("Something went wrong", error.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("AuditLog", boundary.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", boundary.Markup, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        await _context.DisposeAsync();
    }
}

/// <summary>A page that fails while rendering, as the audit page does when its table is gone.</summary>
internal sealed class FailingPage : Microsoft.AspNetCore.Components.ComponentBase
{
    protected override void OnInitialized() => throw new InvalidOperationException("no such table: AuditLog");
}
