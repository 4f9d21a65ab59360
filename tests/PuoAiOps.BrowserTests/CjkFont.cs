using System.Diagnostics;

namespace PuoAiOps.BrowserTests;

/// <summary>Whether fontconfig knows a font that covers Chinese, which chromium needs to draw the demo's questions.</summary>
public static class CjkFont
{
    private static readonly Lazy<bool> Installed = new(Probe);

    public static bool IsInstalled() => Installed.Value;

    private static bool Probe()
    {
        try
        {
            using var fcList = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh family")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (fcList is null) return false;
            var output = fcList.StandardOutput.ReadToEnd();
            fcList.WaitForExit(10_000);
            return output.Trim().Length > 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no fontconfig at all
        }
    }
}
