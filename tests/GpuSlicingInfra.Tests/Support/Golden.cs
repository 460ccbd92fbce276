namespace GpuSlicingInfra.Tests.Support;

/// <summary>
/// Golden files: committed, human-readable expected outputs. A mismatch writes <c>*.received.*</c>
/// beside the golden file for review; set GOLDEN_UPDATE=1 to accept. A missing golden file fails
/// under CI=true instead of being created silently.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string relativePath, string actual)
    {
        var verified = Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Golden", relativePath);
        var received = Path.ChangeExtension(verified, null) + ".received" + Path.GetExtension(verified);
        if (Environment.GetEnvironmentVariable("GOLDEN_UPDATE") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }
        if (!File.Exists(verified))
        {
            if (Environment.GetEnvironmentVariable("CI") != "true")
            {
                File.WriteAllText(received, actual);
            }
            Assert.Fail($"Golden file {relativePath} is missing. Review {received} and rename it, or run with GOLDEN_UPDATE=1.");
        }
        var expected = File.ReadAllText(verified);
        if (expected != actual)
        {
            File.WriteAllText(received, actual);
            Assert.Fail($"Output differs from golden file {relativePath}; diff it against {received}. " +
                "A changed logical name or type replaces live infrastructure unless the resource carries an alias. " +
                "Accept intended changes with GOLDEN_UPDATE=1.");
        }
        File.Delete(received);
    }
}
