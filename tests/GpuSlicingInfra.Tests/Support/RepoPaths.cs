using System.Diagnostics;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>Locates the repository and the folder that holds the upstream data (<c>upstream/</c>).</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> SharedFolder = new(LocateShared);

    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The folder holding <c>upstream/</c>, as scripts/fetch-upstream.mjs finds it (GPUSLICING_SHARED_DIR,
    /// else <c>../shared</c>, else the repository's download cache), so the tests and the conformance
    /// check read the same files. Run once per test process.
    /// </summary>
    public static string Shared => SharedFolder.Value;

    /// <summary>A file under <see cref="Shared"/>; fails with a message naming exactly what is missing.</summary>
    public static string SharedFile(string relative)
    {
        var path = Path.Combine(Shared, relative);
        if (!File.Exists(path))
        {
            Assert.Fail($"Missing upstream data: '{path}' does not exist. Every file the tests read must be listed in upstream/SOURCES.tsv, which scripts/fetch-upstream.mjs downloads.");
        }
        return path;
    }

    private static string LocateShared()
    {
        var start = new ProcessStartInfo("node", [Path.Combine(Root, "scripts", "fetch-upstream.mjs")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start node");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"Upstream data unavailable (node scripts/fetch-upstream.mjs, exit {process.ExitCode}): {stderr.Result.Trim()}");
        }
        return stdout.Trim();
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GpuSlicingInfra.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("GpuSlicingInfra.sln not found above the test binaries.");
    }
}
