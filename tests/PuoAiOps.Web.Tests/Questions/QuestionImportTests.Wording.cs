using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Import;
using PuoAiOps.Core.Messages;
using PuoAiOps.Web.Components.Questions;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Questions;

// The upload's refusals as the import page reads them: the endpoint's problem details carry the code and its
// arguments beside the English title, and the page words them from QuestionsText in the reader's language.
public sealed partial class QuestionImportTests
{
    [Fact]
    public async Task Upload_OfAFileWithoutATextColumn_ReadsInChinese_FromTheProblemsCode()
    {
        var (problem, answer) = await UploadAsync("notes.csv", Encoding.UTF8.GetBytes("title,body\nhello,world\n"));
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal("NoTextColumn", problem.Body.GetProperty("code").GetString());
        Assert.StartsWith("The CSV header has no 'text' column (found: title, body).", problem.Body.GetProperty("title").GetString(), StringComparison.Ordinal);

        Assert.Equal(QuestionFileMessage.NoTextColumn, answer.Code!.Code);
        Assert.Equal("CSV 表头没有“text”列（找到：title, body）。需要的列：text, external_id, user_id, channel, locale, created_at, source。", InChinese(answer.Code));
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_ReadsInChinese_WithTheLimitAsItsArgument()
    {
        var content = new StringBuilder("text\n");
        while (content.Length < SmallImportLimitFixture.MaxFileBytes + 100) content.Append("a long question about a failed recharge\n");
        var (problem, answer) = await UploadAsync("big.csv", Encoding.UTF8.GetBytes(content.ToString()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, problem.Status);

        Assert.Equal(QuestionFileMessage.FileTooLargeBy, answer.Code!.Code);
        Assert.Equal(SmallImportLimitFixture.MaxFileBytes, Convert.ToInt64(answer.Code.Args[1], CultureInfo.InvariantCulture));
        var size = Convert.ToInt64(answer.Code.Args[0], CultureInfo.InvariantCulture).ToString("N0", CultureInfo.GetCultureInfo("zh-CN"));
        Assert.Equal($"文件有 {size} 字节；上限为 16,384（Import:MaxFileBytes）。", InChinese(answer.Code));
    }

    [Fact]
    public async Task Upload_WithoutAFile_ReadsInChinese()
    {
        var (problem, answer) = await UploadAsync("empty.csv", []);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal(QuestionRefusal.UploadNoFile, answer.Code!.Code);
        Assert.Equal("请选择要导入的 CSV 或 JSON Lines 文件。", InChinese(answer.Code));
    }

    [Fact]
    public async Task RejectedRows_ReadInChinese_FromTheStoredReport_WithTheirLimitsAsArguments()
    {
        var csv = "text,channel\n,app\n\"ok question about a refund\"," + new string('c', 300) + "\n\"a fine question\",app\n";
        using var curator = await team.SignInAsAsync(Roles.Curator);
        using var response = await curator.PostFileAsync("/questions/imports", "file", "rows.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var run = await team.WithServiceAsync<QuestionBrowser, ImportRunDetails>(b => b.GetImportRunAsync(answer.RootElement.GetProperty("runId").GetInt64(), Ct));

        var missing = Assert.Single(run.RejectedRows, r => r.Line == 2);
        var tooLong = Assert.Single(run.RejectedRows, r => r.Line == 3);
        // The English stays the CLI's and the API's; the page words the code.
        Assert.Equal("missing text", missing.Reason);
        Assert.Equal(CodedMessage.Of(QuestionRowMessage.FieldTooLong, "channel", 256L), tooLong.Code);
        Assert.Equal("缺少 text", InChinese(missing.Code!));
        Assert.Equal("channel 超过 256 个字符", InChinese(tooLong.Code!));
    }

    [Fact]
    public void UploadAnswers_IgnoreACodeTheyDoNotKnow_OrOneWithoutItsArguments()
    {
        Assert.Null(UploadAnswers.Read(400, """{"title":"x","code":"KeyTaken","args":[]}""").Code);
        Assert.Null(UploadAnswers.Read(413, """{"title":"x","code":"FileTooLargeBy","args":[5]}""").Code);
        Assert.Equal("x", UploadAnswers.Read(413, """{"title":"x","code":"FileTooLargeBy","args":[5]}""").Message);
    }

    private async Task<((HttpStatusCode Status, JsonElement Body) Problem, UploadAnswers.Answer Answer)> UploadAsync(string name, byte[] content)
    {
        using var curator = await team.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/questions/import");
        using var response = await curator.PostFileAsync("/questions/imports", "file", name, content);
        var body = await response.Content.ReadAsStringAsync(Ct);
        // The page's script hands the status and the body to the page, which reads them so.
        return ((response.StatusCode, JsonDocument.Parse(body).RootElement.Clone()), UploadAnswers.Read((int)response.StatusCode, body));
    }

    /// <summary>As the import page words an answer's code: <c>T.Word(code)</c> with QuestionsText, for a reader in zh-CN.</summary>
    private string InChinese(CodedMessage message)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try { return team.Services.GetRequiredService<IStringLocalizer<QuestionsText>>().Word(message); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture); }
    }
}
