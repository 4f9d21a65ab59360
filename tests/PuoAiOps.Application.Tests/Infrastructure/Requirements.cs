namespace PuoAiOps.Application.Tests.Infrastructure;

/// <summary>
/// Tests that need something outside .NET (PostgreSQL, shared data) skip with a message saying what to
/// install — unless PUO_REQUIRE_ALL_TESTS=1 (set by .ci/run), which turns every such skip into a failure.
/// </summary>
public static class Requirements
{
    public static bool Strict => Environment.GetEnvironmentVariable("PUO_REQUIRE_ALL_TESTS") == "1";

    public static void Unavailable(string message)
    {
        if (Strict) Assert.Fail($"Required by PUO_REQUIRE_ALL_TESTS=1: {message}");
        Assert.Skip(message);
    }

    /// <summary>Connection string of a PostgreSQL server that may create databases (PUO_TEST_POSTGRES).</summary>
    public static string Postgres()
    {
        var cs = Environment.GetEnvironmentVariable("PUO_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(cs))
            Unavailable("PostgreSQL not configured: apt-get install -y postgresql, start it (pg_ctlcluster 15 main start), " +
                        "create a superuser and set PUO_TEST_POSTGRES='Host=127.0.0.1;Username=...;Password=...' (.ci/run does all this).");
        return cs!;
    }
}
