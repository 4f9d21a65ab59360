using Microsoft.Playwright;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// Collects what a person would notice as broken: any 4xx/5xx response, console error, uncaught
/// script error or failed request. Inside <see cref="Expect"/> one status is allowed (for the pages
/// whose point is to answer 403 or 404).
/// </summary>
public sealed class BrowserProblems
{
    private readonly List<string> _problems = [];
    private int? _expectedStatus;

    public IReadOnlyList<string> All => _problems;

    public void Watch(IPage page)
    {
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Status != _expectedStatus)
                _problems.Add($"HTTP {response.Status} {response.Request.Method} {response.Url}");
        };
        page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            // Chromium logs the document's own status as a console error; expected for 403/404 pages.
            if (_expectedStatus is { } s && message.Text.Contains($"status of {s}", StringComparison.Ordinal)) return;
            _problems.Add($"console error on {page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => _problems.Add($"script error on {page.Url}: {error}");
        page.RequestFailed += (_, request) => _problems.Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
    }

    /// <summary>Allows <paramref name="status"/> until disposed.</summary>
    public IDisposable Expect(int status)
    {
        _expectedStatus = status;
        return new Reset(this);
    }

    private sealed class Reset(BrowserProblems owner) : IDisposable
    {
        public void Dispose() => owner._expectedStatus = null;
    }
}
