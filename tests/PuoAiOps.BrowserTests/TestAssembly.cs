using System.Runtime.CompilerServices;
using Microsoft.Playwright;

// Each test starts a real Kestrel host (and a browser); on two shared cores, running them one after
// another is faster overall than letting them time each other out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PuoAiOps.BrowserTests;

internal static class TestAssembly
{
    /// <summary>
    /// One expectation timeout for every class (Playwright's is a process-wide setting, so setting it per class
    /// made a class's waits depend on which ran first). Expectations wait on visible state only, so a long
    /// limit costs nothing on a fast machine and gives a busy server time to answer over the circuit.
    /// </summary>
    [ModuleInitializer]
    internal static void SetTimeouts() => Assertions.SetDefaultExpectTimeout(30_000);
}
