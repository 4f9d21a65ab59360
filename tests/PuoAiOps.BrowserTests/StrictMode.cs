namespace PuoAiOps.BrowserTests;

/// <summary>PUO_REQUIRE_ALL_TESTS=1 (set by .ci/run) turns a missing dependency from a skip into a failure.</summary>
public static class StrictMode
{
    public static bool On => Environment.GetEnvironmentVariable("PUO_REQUIRE_ALL_TESTS") == "1";

    /// <summary>Fails the test when strict; otherwise returns so the caller can skip or carry on.</summary>
    public static void FailIfOn(string hint)
    {
        if (On) Assert.Fail(hint + " (PUO_REQUIRE_ALL_TESTS=1 forbids skipping)");
    }
}
