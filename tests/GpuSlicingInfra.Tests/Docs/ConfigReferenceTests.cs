using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Docs;

/// <summary>
/// The README's configuration reference lists exactly the keys the settings binder reads: a key added
/// to the code without documentation, or documented but unknown to the code, fails here.
/// </summary>
public sealed class ConfigReferenceTests
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
    private static List<string> DocumentedKeys() => [.. ConfigReference.Rows().Select(r => r.Key)];
}
