using System.Text.RegularExpressions;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Docs;

/// <summary>
/// The README's configuration reference lists exactly the keys the settings binder reads: a key added
/// to the code without documentation, or documented but unknown to the code, fails here.
/// </summary>
public sealed partial class ConfigReferenceTests
{
    [Fact]
    public void The_readme_config_reference_lists_exactly_the_keys_the_binder_reads()
    {
        var documented = DocumentedKeys();
        var known = SettingsBinder.KnownKeys();

        Assert.True(known.Count > 40, $"the probe found only {known.Count} keys; is the binder probe broken?");
        Assert.Empty(known.Except(documented, StringComparer.Ordinal));
        Assert.Empty(documented.Except(known, StringComparer.Ordinal));
    }

    [Fact]
    public void The_probe_finds_keys_of_every_section_and_of_named_entries()
    {
        var known = SettingsBinder.KnownKeys();

        Assert.Contains("gpuPools.<name>.maxSize", known);
        Assert.Contains("devicePlugin.profiles.<name>.replicas", known);
        Assert.Contains("cluster.kubernetesVersion", known);
        Assert.Contains("network.natGateways", known);
        Assert.Contains("karpenter.enabled", known);
        Assert.Contains("prices", known);
    }

    /// <summary>Keys of the first column of the README's "Configuration reference" table.</summary>
    private static List<string> DocumentedKeys()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("## Configuration reference", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Configuration reference' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var keys = new List<string>();
        foreach (var line in readme[start..(end < 0 ? readme.Length : end)].Split('\n'))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }
            var firstColumn = line.Split('|')[1];
            var names = Backticked().Matches(firstColumn).Select(m => m.Groups[1].Value).ToList();
            var first = names[0];
            var parent = first.Contains('.', StringComparison.Ordinal) ? first[..first.LastIndexOf('.')] + "." : "";
            foreach (var name in names)
            {
                var key = name.Contains('.', StringComparison.Ordinal) ? name : parent + name;
                // A free-form map documented by its entries (prices.<instanceType>) is one key.
                keys.Add(FreeFormEntry().Replace(key, ""));
            }
        }
        return keys;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"\.<(?!name>)[^>]+>$")]
    private static partial Regex FreeFormEntry();
}
