using System.Text.RegularExpressions;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Hosting;

/// <summary>Every page addressed by an id or a name answers an unknown one with 404 inside the shell, never 500.</summary>
public sealed partial class UnknownIdPagesTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task EveryPageWithAnId_AnswersAnUnknownOneWith404()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        var pages = EndpointCatalog.All(team.Services)
            .Where(e => e.IsComponentPage && e.AcceptsGet && e.Route.Contains('{', StringComparison.Ordinal))
            .Select(e => UnknownValue().Replace(e.Route, m => m.Value.Contains(':', StringComparison.Ordinal) ? "987654321" : "no-such-page-zz"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/taxonomy/guides/no-such-page-zz", pages);
        Assert.Contains("/annotate/guides/no-such-page-zz", pages);
        foreach (var path in pages)
        {
            var page = await admin.GetPageAsync(path);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{path}: {(int)page.Status}");
            Assert.True(page.HasShell, $"{path}: no shell");
        }
    }

    /// <summary>
    /// Components set error statuses through <c>PageStatus.Set</c>: a status set directly during
    /// rendering makes the status-code pages re-execute on the same response, which the component
    /// renderer refuses (a 500 with "duplicate header blazor-enhanced-nav").
    /// </summary>
    [Fact]
    public void NoComponent_SetsTheResponseStatusDirectly()
    {
        var components = Path.Combine(RepositoryRoot(), "src", "PuoAiOps.Web", "Components");
        var offenders = Directory.EnumerateFiles(components, "*.razor*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(components, "*.cs", SearchOption.AllDirectories))
            .Where(f => DirectStatus().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(components, f))
            .ToList();
        Assert.True(offenders.Count == 0, "Set the status with PageStatus.Set instead: " + string.Join(", ", offenders));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PuoAiOps.sln"))) return dir.FullName;
        throw new InvalidOperationException("PuoAiOps.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex UnknownValue();

    [GeneratedRegex(@"Response\s*\.\s*StatusCode\s*=[^=]")]
    private static partial Regex DirectStatus();
}
