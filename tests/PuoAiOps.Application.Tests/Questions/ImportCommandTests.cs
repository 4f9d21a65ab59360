using System.Text.Json;
using PuoAiOps.Cli;

namespace PuoAiOps.Application.Tests.Questions;

public sealed class ImportCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await PuoCli.RunAsync(args, stdout, stderr, new StringReader(""));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task ImportQuestions_JsonHasExactlyTheDocumentedShape()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteFile("q.csv", "text,created_at\nmail me at a@b.com,\n,\nagain a@b.com?,2024-13-45\nmail me at c@d.com,\n");

        var (exit, output, _) = await RunAsync("import", "questions", path, "--data-dir", ws.Dir, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["imported", "duplicates", "rejected", "redacted"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("imported").GetInt64());
        Assert.Equal(1, root.GetProperty("duplicates").GetInt64());
        var rejected = root.GetProperty("rejected").EnumerateArray().ToList();
        Assert.All(rejected, r => Assert.Equal(["line", "reason"], r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal([(3, "missing text"), (4, "bad created_at date")], rejected.Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString())));
        var redacted = root.GetProperty("redacted");
        Assert.Equal(["email", "phone", "card", "id_number", "iban", "ip", "url"], redacted.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, redacted.GetProperty("email").GetInt64());

        var again = await RunAsync("import", "questions", path, "--data-dir", ws.Dir, "--json");
        Assert.Equal(0, again.Exit);
        Assert.Equal(0, JsonDocument.Parse(again.Out).RootElement.GetProperty("imported").GetInt64());
    }

    [Theory]
    [InlineData("bad.csv", "question,answer\nhi,there\n", "no 'text' column")]
    [InlineData("bad.jsonl", "[{\"text\":\"hi\"}]", "JSON array")]
    [InlineData("empty.csv", "", "empty")]
    public async Task ImportQuestions_ExitsWith2ForFilesThatCannotBeParsed(string name, string content, string message)
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteFile(name, content);
        var (exit, output, error) = await RunAsync("import", "questions", path, "--data-dir", ws.Dir, "--json");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task ImportQuestions_ExitsWith2OverTheRowLimit()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteDistinctRows("q.csv", 30);
        var (exit, _, error) = await RunAsync("import", "questions", path, "--data-dir", ws.Dir, "--max-rows", "20");
        Assert.Equal(2, exit);
        Assert.Contains("Import:MaxRows", error);
    }

    [Fact]
    public async Task ImportQuestions_PrintsSummaryInTextMode()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteFile("q.csv", "text\nhello there\n,\n");
        var (exit, output, _) = await RunAsync("import", "questions", path, "--data-dir", ws.Dir);
        Assert.Equal(0, exit);
        Assert.Contains("1 imported, 0 duplicates, 1 rejected", output);
        Assert.Contains("line 3: 2 fields, but the header has 1", output);
    }
}
