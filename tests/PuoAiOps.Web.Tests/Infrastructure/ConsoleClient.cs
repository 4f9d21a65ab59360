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

    /// <summary>The request token from the last page loaded (body hx-headers), used for htmx posts.</summary>
    public string? HtmxToken { get; private set; }

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
        var headers = document.Body?.GetAttribute("hx-headers");
        if (headers is not null)
            HtmxToken = JsonSerializer.Deserialize<Dictionary<string, string>>(headers)?.GetValueOrDefault("X-CSRF-TOKEN");
        // Interactive pages have no hx-headers; a page that posts over plain HTTP (the question upload) renders the token in its form.
        else if (document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { Length: > 0 } token)
            HtmxToken = token;
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

    /// <summary>A post as htmx sends it: HX-Request header plus the X-CSRF-TOKEN of the last page loaded.</summary>
    public Task<HttpResponseMessage> HtmxPostAsync(string url, IDictionary<string, string> fields, bool withToken = true) =>
        HtmxSendAsync(HttpMethod.Post, url, fields, withToken);

    /// <summary>A form-encoded request with any method as htmx sends it (HX-Request, X-CSRF-TOKEN).</summary>
    public Task<HttpResponseMessage> HtmxSendAsync(HttpMethod method, string url, IDictionary<string, string> fields, bool withToken = true)
    {
        var headers = new Dictionary<string, string> { ["HX-Request"] = "true" };
        if (withToken)
            headers["X-CSRF-TOKEN"] = HtmxToken ?? throw new InvalidOperationException("Load a page first: no antiforgery token yet.");
        return SendFormAsync(method, url, fields, headers);
    }

    /// <summary>A multipart post as htmx sends a file form: HX-Request and the X-CSRF-TOKEN of the last page loaded.</summary>
    public async Task<HttpResponseMessage> HtmxPostFileAsync(string url, string fileField, string fileName, byte[] content,
        IDictionary<string, string>? fields = null, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields ?? new Dictionary<string, string>()) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileField, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.Add("HX-Request", "true");
        if (withToken)
            request.Headers.Add("X-CSRF-TOKEN", HtmxToken ?? throw new InvalidOperationException("Load a page first: no antiforgery token yet."));
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Parses an htmx fragment (a partial, not a whole page).</summary>
    public static async Task<AngleSharp.Dom.IDocument> ReadFragmentAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return await Parser.ParseDocumentAsync(html, TestContext.Current.CancellationToken);
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
    /// <summary>Hrefs of the left navigation, in order.</summary>
    /// <summary>The navigation's links, on a static page (MainLayout) or an interactive one (ConsoleLayout).</summary>
    public IReadOnlyList<string> NavHrefs =>
        Document.QuerySelectorAll("nav.app-nav a.nav-link, [data-testid=console-nav] a[href]").Select(a => a.GetAttribute("href")!).ToList();

    public bool HasShell =>
        (Document.QuerySelector("header.app-topbar") is not null && Document.QuerySelector("nav.app-nav") is not null) ||
        (Document.QuerySelector("[data-testid=app-bar]") is not null && Document.QuerySelector("[data-testid=console-nav]") is not null);

    public string Title => Document.Title ?? "";

    public string Text => Document.Body?.TextContent ?? "";
}
