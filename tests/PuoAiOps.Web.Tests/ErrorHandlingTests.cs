using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests;

/// <summary>
/// A real failure (a table the code needs is gone) must come back as problem details or an error
/// page, never as a stack trace, although the tests run in the Development environment.
/// Own fixture: it breaks its database.
/// </summary>
public sealed class ErrorHandlingTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task UnhandledException_GivesProblemDetailsToTheApi_AndAnErrorPageToBrowsers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await team.SignInAsAsync(Roles.Admin);
        await team.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditLog\" RENAME TO \"AuditLog_gone\";", ct));

        using var api = await admin.GetAsync("/api/v1/admin/audit", "application/json");
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var body = await api.Content.ReadAsStringAsync(ct);
        Assert.Contains("\"status\":500", body, StringComparison.Ordinal);
        AssertNoInternals(body);

        // The console's audit page is interactive: it reads the log over the circuit, where a failure is shown by
        // the shell's error boundary (AdminComponentTests.ShellErrorBoundary_...); the prerendered page still answers.
        var page = await admin.GetPageAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.HasShell);
        AssertNoInternals(page.Document.DocumentElement.OuterHtml);
    }

    private static void AssertNoInternals(string text)
    {
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AuditLog", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at PuoAiOps", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
    }
}
