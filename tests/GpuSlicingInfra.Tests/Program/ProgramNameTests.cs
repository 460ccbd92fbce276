using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Program;

/// <summary>
/// Names the Pulumi YAML engine would read as something else are refused when the program is built:
/// stack config keys (pulumi-yaml run.go getConfNodesFromMap + sort.go checkUniqueNode), the reserved
/// <c>pulumi</c>, and characters that property access reads as syntax.
/// </summary>
public sealed class ProgramNameTests
{
    private static PulumiProgram Program(params string[] keys) => new("gpu-slicing-infra", keys);

    [Theory]
    [InlineData("cluster", "gpu-slicing-infra:cluster")]
    [InlineData("gpu-slicing-infra:cluster", "gpu-slicing-infra:cluster")]
    public void A_resource_named_like_a_project_config_key_is_refused_naming_both(string key, string fullKey)
    {
        var program = Program(key);

        var error = Assert.Throws<InvalidOperationException>(() => new TestResource(program, "cluster"));

        Assert.Contains("resource 'cluster'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"stack config key '{fullKey}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(program.Resources);
    }

    [Fact]
    public void A_variable_named_like_a_config_key_is_refused()
    {
        var program = Program("gpuPools");

        var error = Assert.Throws<InvalidOperationException>(() => program.AddVariable<string>("gpuPools", Expr.Text("x")));

        Assert.Contains("variable 'gpuPools'", error.Message, StringComparison.Ordinal);
        Assert.Contains("gpu-slicing-infra:gpuPools", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_namespace_keeps_its_prefix_so_only_the_bare_project_key_is_taken()
    {
        var program = Program("aws:region", "other-project:network");

        _ = new TestResource(program, "region");
        _ = new TestResource(program, "network");

        Assert.Equal(["region", "network"], program.Resources.Select(r => r.Name));
    }

    [Theory]
    [InlineData("pulumi", "reserves")]
    [InlineData("aws:region", "another namespace")]
    [InlineData("a.b", "property access")]
    [InlineData("a[0]", "property access")]
    [InlineData("a}", "property access")]
    [InlineData("-a", "property access")]
    [InlineData("a b", "property access")]
    [InlineData("gpu-٣", "property access")]
    [InlineData("name\n", "property access")]
    public void Names_the_engine_reads_as_something_else_are_refused(string name, string reason)
    {
        var program = Program();

        var error = Assert.Throws<InvalidOperationException>(() => new TestResource(program, name));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_declaration_may_share_a_stack_config_key_because_they_are_one_node()
    {
        var program = Program("clusterName");

        program.DeclareConfig<string>("clusterName", new ConfigDeclaration("string"));

        Assert.Equal("clusterName", Assert.Single(program.Config).Key);
        Assert.Throws<InvalidOperationException>(() => new TestResource(program, "clusterName"));
    }

    [Fact]
    public void The_stack_program_keeps_every_top_level_config_key_off_its_names()
    {
        Assert.Equal(
            [SettingsKeys.Cluster, SettingsKeys.DevicePlugin, SettingsKeys.Environment, SettingsKeys.GpuPools,
             SettingsKeys.InstanceCatalog, SettingsKeys.Karpenter, SettingsKeys.Monitoring, SettingsKeys.Network, SettingsKeys.Prices, SettingsKeys.Protect,
             SettingsKeys.Tags, SettingsKeys.Tenancy, SettingsKeys.Tenants],
            SettingsBinder.TopLevelKeys());

        foreach (var stack in new[] { "dev", "prod" })
        {
            var program = StackProgram.Build(SettingsBinder.Bind(StackFixtures.Shipped(stack)));
            var names = program.Resources.Select(r => r.Name).Concat(program.Variables.Select(v => v.Key)).ToHashSet(StringComparer.Ordinal);
            Assert.Empty(names.Intersect(SettingsBinder.TopLevelKeys()));
            Assert.DoesNotContain("pulumi", names);
        }
    }
}
