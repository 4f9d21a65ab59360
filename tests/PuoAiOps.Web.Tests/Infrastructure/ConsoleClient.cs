using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PuoAiOps.Web.Tests.Infrastructure;

/// <summary>
/// A browser-like client of the console: keeps cookies, does not follow redirects (tests assert
/// them), parses pages with AngleSharp and sends antiforgery tokens the way the pages do.
/// </summary>
public sealed class ConsoleClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    /// <summary>The antiforgery request token from the last page with a form (or from the API), sent as X-CSRF-TOKEN.</summary>
    public string? RequestToken { get; private set; }

    public async Task<HttpResponseMessage> GetAsync(string url, string accept = "text/html")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>GETs a page as a browser would and parses it.</summary>
    public async Task<Page> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        return await ReadPageAsync(response);
    }

    public async Task<Page> ReadPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var document = await Parser.ParseDocumentAsync(html, TestContext.Current.CancellationToken);
        // A page that posts over plain HTTP (sign-in, setup, the question upload, a status page's sign-out) renders the token in its form.
        if (document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { Length: > 0 } token)
            RequestToken = token;
        return new Page(response.StatusCode, response.RequestMessage?.RequestUri?.AbsolutePath, response.Headers.Location?.OriginalString, document);
    }

    /// <summary>Submits the form of <paramref name="page"/> selected by <paramref name="formSelector"/>
    /// with its hidden fields (antiforgery token, Blazor form name) plus <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(Page page, string formSelector, IDictionary<string, string> fields)
    {
        var form = page.Document.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields) values[name] = value;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Path ?? "/";
        return await PostFormAsync(action, values);
    }

    /// <summary>
    /// Signs out as the user menu's form does: a POST to /logout with the request token as a form field (the
    /// interactive user menu renders its form in a popover, so the token is taken from /api/v1/antiforgery).
    /// </summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        await LoadRequestTokenAsync();
        return await PostFormAsync("/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = RequestToken! });
    }

    /// <summary>Sets <see cref="RequestToken"/> from <c>GET /api/v1/antiforgery</c>, as a script of an interactive page would get one.</summary>
    public async Task LoadRequestTokenAsync()
    {
        using var tokenResponse = await GetAsync("/api/v1/antiforgery", "application/json");
        tokenResponse.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        RequestToken = json.RootElement.GetProperty("token").GetString();
    }

    /// <summary>A form post exactly as given (no token added).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, IDictionary<string, string>? headers = null) =>
        SendFormAsync(HttpMethod.Post, url, fields, headers);

    /// <summary>A form-encoded request with any method, exactly as given (no token added).</summary>
    public async Task<HttpResponseMessage> SendFormAsync(HttpMethod method, string url, IEnumerable<KeyValuePair<string, string>> fields, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("text/html");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A form post with the X-CSRF-TOKEN header of the last page loaded, as the upload page's script sends one.</summary>
    public Task<HttpResponseMessage> PostWithTokenAsync(string url, IDictionary<string, string> fields, bool withToken = true) =>
        SendWithTokenAsync(HttpMethod.Post, url, fields, withToken);

    /// <summary>A form-encoded request with any method and the X-CSRF-TOKEN header.</summary>
    public Task<HttpResponseMessage> SendWithTokenAsync(HttpMethod method, string url, IDictionary<string, string> fields, bool withToken = true)
    {
        var headers = new Dictionary<string, string>();
        if (withToken)
            headers["X-CSRF-TOKEN"] = RequestToken ?? throw new InvalidOperationException("Load a page first: no antiforgery token yet.");
        return SendFormAsync(method, url, fields, headers);
    }

    /// <summary>A multipart post of a file as the upload page's script sends it, with the X-CSRF-TOKEN of the last page loaded.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string url, string fileField, string fileName, byte[] content,
        IDictionary<string, string>? fields = null, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields ?? new Dictionary<string, string>()) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileField, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        if (withToken)
            request.Headers.Add("X-CSRF-TOKEN", RequestToken ?? throw new InvalidOperationException("Load a page first: no antiforgery token yet."));
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A parsed response.</summary>
/// <param name="Status">HTTP status of the response.</param>
/// <param name="Path">Path that was requested.</param>
/// <param name="Location">Redirect target, if any.</param>
/// <param name="Document">The parsed HTML.</param>
public sealed record Page(HttpStatusCode Status, string? Path, string? Location, IDocument Document)
{
    /// <summary>The navigation's links, in order: on an interactive page (ConsoleLayout) or a signed-in reader's status page (StaticShellLayout).</summary>
    public IReadOnlyList<string> NavHrefs =>
        Document.QuerySelectorAll("[data-testid=console-nav] a[href]").Select(a => a.GetAttribute("href")!).ToList();

    /// <summary>The console's frame: app bar and navigation.</summary>
    public bool HasShell =>
        Document.QuerySelector("[data-testid=app-bar]") is not null && Document.QuerySelector("[data-testid=console-nav]") is not null;

    public string Title => Document.Title ?? "";

    public string Text => Document.Body?.TextContent ?? "";
}
