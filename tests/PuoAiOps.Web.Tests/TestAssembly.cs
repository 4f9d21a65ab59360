using System.Runtime.CompilerServices;
using Bunit;

namespace PuoAiOps.Web.Tests;

internal static class TestAssembly
{
    /// <summary>
    /// bUnit's WaitFor… calls give up after one second by default: less than a component's first database read can take
    /// on a loaded two-core CI box (the likeliest cause of a JobProgressTests failure seen once under load). They wait on
    /// state, never on the clock, so a long limit costs a passing test nothing.
    /// </summary>
    [ModuleInitializer]
    internal static void SetTimeouts() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
}
