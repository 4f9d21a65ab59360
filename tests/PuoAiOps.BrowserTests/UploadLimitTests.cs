using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Admin;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// On real Kestrel (whose default body limit is 30 MB), the question upload accepts bodies up to
/// Import:MaxFileBytes: a 31 MB file reaches the importer, which refuses it for its row count instead.
/// </summary>
public sealed partial class UploadLimitTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Upload_LargerThanKestrelsDefaultLimit_ReachesTheImporter()
    {
        await using var console = new KestrelConsole();
        console.Settings["Import:MaxRows"] = "1000";
        console.Start();
        await using (var scope = console.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdminService>();
            var created = await admin.CreateFirstAdminAsync(new NewUserInput { Email = "ada@example.test", DisplayName = "Ada", Password = Password, ConfirmPassword = Password }, TestContext.Current.CancellationToken);
            Assert.True(created.Succeeded);
        }
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = console.BaseAddress,
            Timeout = TimeSpan.FromMinutes(3),
        };
        var ct = TestContext.Current.CancellationToken;

        var login = await http.GetStringAsync("/login", ct);
        var fields = HiddenInput().Matches(login).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = "ada@example.test";
        fields["Input.Password"] = Password;
        using var signedIn = await http.PostAsync("/login", new FormUrlEncodedContent(fields), ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The import page renders the token in its form; its script sends it in X-CSRF-TOKEN, as here.
        var page = await http.GetStringAsync("/questions/import", ct);
        var token = HiddenInput().Matches(page).Single(m => m.Groups["name"].Value == "__RequestVerificationToken").Groups["value"].Value;

        var line = Encoding.UTF8.GetBytes("my recharge failed yesterday and the coins are still missing\n");
        var body = new byte[31 * 1024 * 1024];
        Encoding.UTF8.GetBytes("text\n").CopyTo(body, 0);
        for (var offset = 5; offset + line.Length <= body.Length; offset += line.Length) line.CopyTo(body, offset);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(body);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "large.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/questions/imports") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", WebUtility.HtmlDecode(token));
        using var response = await http.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("Import:MaxRows", text, StringComparison.Ordinal); // the importer read the whole file
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"|<input[^>]*name="(?<name>[^"]+)"[^>]*type="hidden"[^>]*value="(?<value>[^"]*)""")]
    private static partial Regex HiddenInput();
}
