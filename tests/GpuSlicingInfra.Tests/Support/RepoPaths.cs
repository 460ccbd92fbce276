namespace GpuSlicingInfra.Tests.Support;

/// <summary>Locates the repository and the shared design folder beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared</c> next to the repository (override with GPUSLICING_SHARED_DIR).</summary>
    public static string Shared => Environment.GetEnvironmentVariable("GPUSLICING_SHARED_DIR") ?? Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>A file under <c>../shared</c>; fails with a message naming exactly what is missing.</summary>
    public static string SharedFile(string relative)
    {
        var path = Path.Combine(Shared, relative);
        if (!File.Exists(path))
        {
            Assert.Fail($"Missing upstream data: '{path}' does not exist. These tests need the 'shared' folder (with upstream/{relative.Split('/')[1]}/) checked out beside the repository at '{Shared}', or GPUSLICING_SHARED_DIR pointing to it.");
        }
        return path;
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
