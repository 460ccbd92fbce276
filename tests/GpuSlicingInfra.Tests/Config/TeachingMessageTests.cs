using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Config;

/// <summary>
/// Mistakes a new user makes copying from the README get a message that says what to write instead.
/// Before: "unknown key. Check the spelling against the config reference" (where the flat key came from),
/// "at least one sharing profile is required" (for a file without <c>config:</c>), "expected a string".
/// </summary>
public sealed class TeachingMessageTests
{
    private static ConfigProblem Single(string yaml, string key)
    {
        var error = Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(yaml)));
        return Assert.Single(error.Problems, p => p.KeyPath == key);
    }

    [Fact]
    public void A_dotted_key_copied_from_the_reference_is_shown_nested()
    {
        var problem = Single(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:network:
                cidrBlock.x: 10.20.0.0/16
            """), "gpu-slicing-infra:network.cidrBlock.x");

        Assert.Contains("Keys nest", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'cidrBlock:' with 'x:' indented under it", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flat_section_key_at_the_top_is_shown_nested()
    {
        var problem = Single(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:network.cidrBlock: 10.20.0.0/16
            """), "gpu-slicing-infra:network.cidrBlock");

        Assert.Contains("'network:' with 'cidrBlock:' indented under it", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_near_miss_of_a_known_key_suggests_it()
    {
        var problem = Single(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:cluster:
                kubernetesVersoin: "1.35"
            """), "gpu-slicing-infra:cluster.kubernetesVersoin");

        Assert.Equal("unknown key; did you mean 'kubernetesVersion'?", problem.Message);
    }

    [Fact]
    public void An_unquoted_version_is_told_to_be_quoted()
    {
        var problem = Single(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:cluster:
                kubernetesVersion: 1.35
            """), "gpu-slicing-infra:cluster.kubernetesVersion");

        Assert.Contains("got the number 1.35: quote the value exactly as you mean it", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unquoted_version_with_a_trailing_zero_is_not_told_to_write_the_truncated_number()
    {
        var problem = Single(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:cluster:
                kubernetesVersion: 1.30
            """), "gpu-slicing-infra:cluster.kubernetesVersion");

        Assert.DoesNotContain("\"1.3\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("dropping trailing zeros", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_file_without_a_config_section_says_so_first()
    {
        var error = Assert.Throws<ConfigException>(() => StackFixtures.Inline("secretsprovider: passphrase\n"));

        var problem = Assert.Single(error.Problems);
        Assert.EndsWith(":config", problem.KeyPath, StringComparison.Ordinal);
        Assert.Contains("is missing", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sharing profile", error.Message, StringComparison.Ordinal);
    }
}
