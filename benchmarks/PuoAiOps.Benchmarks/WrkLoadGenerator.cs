using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// <c>wrk</c> (Debian package <c>wrk</c>) as the chat load's generator: a C program with a Lua script, much lighter
/// on the shared cores than an in-process HttpClient, so more of them is left to the server. The script cycles through
/// <see cref="ChatLoadQuestions"/> with a fresh user id per request and prints its figures in one line that is parsed
/// here. Its CPU time is read from this process's reaped-children times (/proc/self/stat), so server and generator
/// are reported apart.
/// </summary>
internal static class WrkLoadGenerator
{
    public sealed record Result(long Requests, double Seconds, long Errors, string ErrorDetail, double P50, double P95, double P99, double Max, double CpuMs);

    public static bool Available() => File.Exists("/usr/bin/wrk");

    public static async Task<Result> RunAsync(string baseUrl, string key, ChatLoadQuestions questions, int connections, int threads, int seconds, string workDir)
    {
        var script = Path.Combine(workDir, "chat-load.lua");
        await File.WriteAllTextAsync(script, Script(key, questions));
        var cpuBefore = ChildrenCpuMs();
        var start = new ProcessStartInfo("/usr/bin/wrk")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", seconds.ToString(CultureInfo.InvariantCulture) + "s", "--timeout", "30s", "-s", script, baseUrl + "/api/v1/chat" })
            start.ArgumentList.Add(a);
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        var error = await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var cpuMs = ChildrenCpuMs() - cpuBefore;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRK-RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result (exit {wrk.ExitCode}): {output} {error}");
        var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // requests, duration µs, errors connect/read/write/status/timeout, p50/p95/p99/max µs
        var errors = (long)(f[2] + f[3] + f[4] + f[5] + f[6]);
        var detail = errors == 0 ? "" : $" (connect {f[2]}, read {f[3]}, write {f[4]}, non-2xx {f[5]}, timeout {f[6]})";
        return new Result((long)f[0], f[1] / 1e6, errors, detail, f[7] / 1000, f[8] / 1000, f[9] / 1000, f[10] / 1000, cpuMs);
    }

    private static string Script(string key, ChatLoadQuestions questions)
    {
        var lua = new StringBuilder("local rests = {\n");
        foreach (var rest in questions.Rests)
        {
            // Long brackets take the JSON as it is; the serializer escapes non-ASCII, so "]==]" cannot appear by accident.
            if (rest.Contains("]==]", StringComparison.Ordinal)) continue;
            lua.Append("  [==[").Append(rest).Append("]==],\n");
        }
        lua.Append("}\n");
        lua.Append("local headers = { [\"Content-Type\"] = \"application/json\", [\"Authorization\"] = \"Bearer ").Append(key).Append("\" }\n");
        lua.Append("""
            local n = 0
            request = function()
              n = n + 1
              return wrk.format("POST", nil, headers, '{"user_id":"u' .. n .. rests[(n % #rests) + 1])
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("WRK-RESULT %d %d %d %d %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
                e.connect, e.read, e.write, e.status, e.timeout,
                latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
            end

            """);
        return lua.ToString();
    }

    /// <summary>User + system CPU of this process's waited-for children (fields 16 and 17 of /proc/self/stat, in clock ticks of 10 ms).</summary>
    private static double ChildrenCpuMs()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state): cutime is field 16, cstime field 17.
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) * 10.0;
    }
}
