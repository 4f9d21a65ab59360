using Xunit;

namespace PuoAiOps.Testing;

/// <summary>
/// The one way a test skips. Tests that need something outside .NET (PostgreSQL, chromium, a CJK font,
/// ../shared data) skip with a message saying what to install — unless PUO_REQUIRE_ALL_TESTS=1 (set by
/// .ci/run), which turns every such skip into a failure. <c>TestSuiteRulesTests</c> fails when a test
/// calls <c>Assert.Skip</c> or reads PUO_REQUIRE_ALL_TESTS anywhere else.
/// </summary>
public static class Requirements
{
    public const string StrictVariable = "PUO_REQUIRE_ALL_TESTS";
    public const string PostgresVariable = "PUO_TEST_POSTGRES";

    public static bool Strict => Environment.GetEnvironmentVariable(StrictVariable) == "1";

    /// <summary>Skips the test with <paramref name="message"/>, or fails it under strict mode. Never returns.</summary>
    public static void Unavailable(string message)
    {
        if (Strict) Assert.Fail($"Required by {StrictVariable}=1: {message}");
        Assert.Skip(message);
    }

    /// <summary>
    /// An optional external service the suite can also run against, named by an environment variable
    /// (a real Qdrant: QDRANT_URL). CI provides none, so unset is a plain skip with
    /// <paramref name="message"/> even under strict mode: the same tests always run against the
    /// in-process stand-in, and this variant is opt-in. Returns the variable's value.
    /// </summary>
    public static string Optional(string variable, string message)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value)) Assert.Skip($"{variable} is not set: {message}");
        return value!;
    }

    /// <summary>Connection string of a PostgreSQL server whose user may create databases.</summary>
    public static string Postgres()
    {
        var cs = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(cs))
            Unavailable("PostgreSQL not configured: apt-get install -y postgresql, start it (pg_ctlcluster 15 main start), " +
                        $"create a superuser and set {PostgresVariable}='Host=127.0.0.1;Username=...;Password=...' (.ci/run does all this).");
        return cs!;
    }

    /// <summary>The folder ../shared/data/<paramref name="name"/> beside the repository, or skips.</summary>
    public static string SharedData(string name) =>
        RepositoryPaths.SharedData(name)
        ?? Throw($"../shared/data/{name} is not present beside the repository; this test needs it.");

    private static string Throw(string message)
    {
        Unavailable(message);
        return null!; // not reached: Unavailable always throws
    }
}
