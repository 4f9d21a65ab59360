using System.Diagnostics;
using System.Globalization;
using PuoAiOps.Application.Taxonomy.Yaml;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// `yaml-bomb [--width 600] [--reads 20]`: reads a taxonomy file of three nested anchors
/// (width × width × width scalars once expanded) and, for comparison, a plain taxonomy file of a
/// similar size, each --reads times in this process. Prints the time per read, the bytes allocated
/// per read and the process's peak working set: the bomb must cost no more than the plain file.
/// </summary>
internal static class YamlBombScenario
{
    public static int Run(string[] args)
    {
        var width = int.Parse(Arg(args, "--width") ?? "600", CultureInfo.InvariantCulture);
        var reads = int.Parse(Arg(args, "--reads") ?? "20", CultureInfo.InvariantCulture);
        string Row(string item) => "[" + string.Join(", ", Enumerable.Repeat(item, width)) + "]";
        var bomb = $"format: puo-taxonomy/1\na: &a {Row("lol")}\nb: &b {Row("*a")}\nc: &c {Row("*b")}\ndomains:\n- key: payments\n  names: {{en: P}}\n  intents: *c\n";
        var plain = PlainFile(bomb.Length);

        Measure("bomb", bomb, reads);
        Measure("plain", plain, reads);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB"));
        return 0;
    }

    private static void Measure(string name, string yaml, int reads)
    {
        var (_, errors) = TaxonomyYamlReader.Read(yaml); // warm-up (JIT)
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < reads; i++) TaxonomyYamlReader.Read(yaml);
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var outcome = errors.Count == 0 ? "read" : $"refused: {errors[0]}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {yaml.Length / 1024.0:F1} KB, {clock.Elapsed.TotalMilliseconds / reads:F3} ms and {allocated / reads / 1024.0:F0} KB allocated per read; {outcome}"));
    }

    /// <summary>A valid taxonomy file of about <paramref name="length"/> characters (intents with names and examples).</summary>
    private static string PlainFile(int length)
    {
        var yaml = new System.Text.StringBuilder("format: puo-taxonomy/1\ndomains:\n- key: payments\n  names: {en: Payments}\n  intents:\n");
        for (var i = 0; yaml.Length < length; i++)
            yaml.Append(CultureInfo.InvariantCulture, $"  - key: intent_{i}\n    names: {{en: Intent {i}}}\n    examples:\n    - where is my order {i}\n    - my recharge {i} failed\n");
        return yaml.ToString();
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
