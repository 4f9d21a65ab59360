using System.Net.Http.Headers;
using System.Text;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Tests.Hosting;

public sealed class TruncatedBodyTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Theory]
    [InlineData("/questions/imports", "file", "questions.csv", true)]
    public async Task MultipartBody_CutOffBeforeItsEnd_IsRefused_NotA500(string path, string field, string fileName, bool ourMessage)
    {
        using var curator = await team.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/questions/import"); // a page with the request token (the overview, interactive, has none)
        // The closing boundary never comes: what a dropped upload looks like once the body ends.
        var body = "--cut\r\n" +
            $"Content-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\r\n" +
            "Content-Type: text/plain\r\n\r\n" +
            "text,user_id\nmy coins never arrived,u1\nwhere is my pay";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-CSRF-TOKEN", curator.RequestToken!);
        using var response = await curator.Http.SendAsync(request, TestContext.Current.CancellationToken);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {text}");
        if (ourMessage) Assert.Contains("ended before the whole form arrived", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorMapping_MapsACutOffBodyTo400_ButNotOtherIoErrors()
    {
        var cutOff = ApplicationErrorMapping.From(new IOException("Unexpected end of Stream, the content may have already been read by another component. "));
        Assert.Equal(400, cutOff?.Status);
        Assert.Equal(RequestBodyErrors.TruncatedMessage, cutOff?.Title);
        Assert.Null(ApplicationErrorMapping.From(new IOException("No space left on device")));
    }
}
