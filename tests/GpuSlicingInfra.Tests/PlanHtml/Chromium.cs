using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.PlanHtml;

/// <summary>
/// Headless Chromium (Debian package <c>chromium</c>; .ci/run installs it). Absent outside CI, the browser tests are
/// skipped with the reason; under <c>CI=true</c> its absence fails them, so CI never passes without a browser.
/// </summary>
internal static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>The browser's path, or the test stops: skipped locally, failed under CI.</summary>
    public static string Require()
    {
        var found = Names.Select(OnPath).OfType<string>().FirstOrDefault();
        if (found is not null)
        {
            return found;
        }
        const string reason = "Headless Chromium is not installed (apt-get install chromium): the HTML plan cannot be opened in a browser here.";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(reason + " CI must run this test.");
        }
        Assert.Skip(reason);
        return "";
    }

    /// <summary>Runs the browser headless on <paramref name="page"/> with its own profile folder, so runs never share state.</summary>
    public static async Task<ProcessRunner.Result> RunAsync(string browser, string page, string profile, params string[] arguments)
    {
        // --no-sandbox: CI containers run as root, where Chromium refuses its sandbox.
        string[] common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", $"--user-data-dir={profile}"];
        var result = await ProcessRunner.RunAsync(browser, [.. common, .. arguments, new Uri(page).AbsoluteUri], Path.GetDirectoryName(page)!);
        Assert.True(result.ExitCode == 0, $"chromium exited {result.ExitCode}: {result.Stderr}");
        return result;
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
