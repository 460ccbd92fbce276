using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Cli;

public sealed class SynthCommandTests
{
    [Theory]
    [InlineData("dev", "10")]
    [InlineData("prod", "4")]
    public void Synth_prints_cluster_node_groups_config_map_and_release(string stack, string replicas)
    {
        var result = CliRunner.Run("synth", "--stack", stack);

        Assert.Equal(0, result.ExitCode);
        var program = new ParsedProgram(result.Stdout);
        Assert.Single(program.NamesOfType("eks:Cluster"));
        Assert.Contains("system-nodes", program.NamesOfType("eks:ManagedNodeGroup"));
        // GPU nodes come from managed node groups, Karpenter NodePools, or both.
        Assert.True(program.NamesOfType("eks:ManagedNodeGroup").Any(n => n.StartsWith("gpu-", StringComparison.Ordinal))
            || program.ResourceNames.Any(n => n.StartsWith("karpenter-nodepool-", StringComparison.Ordinal)));
        Assert.Contains($"replicas: {replicas}\n", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("nvidia-device-plugin-config",
            ParsedProgram.Scalar(program.Resource("nvidia-device-plugin"), "properties.values.config.name"));
    }

    [Fact]
    public void Dev_and_prod_differ_as_their_stack_files_say()
    {
        var dev = new ParsedProgram(CliRunner.Run("synth", "--stack", "dev").Stdout);
        var prod = new ParsedProgram(CliRunner.Run("synth", "--stack", "prod").Stdout);

        Assert.Equal("Single", ParsedProgram.Scalar(dev.Resource("network-vpc"), "properties.natGateways.strategy"));
        Assert.Equal("OnePerAz", ParsedProgram.Scalar(prod.Resource("network-vpc"), "properties.natGateways.strategy"));
        Assert.Equal("true", ParsedProgram.Scalar(dev.Resource("cluster-eks"), "properties.endpointPublicAccess"));
        Assert.Equal("false", ParsedProgram.Scalar(prod.Resource("cluster-eks"), "properties.endpointPublicAccess"));
        Assert.False(ParsedProgram.Has(dev.Resource("cluster-eks"), "options.protect"));
        Assert.Equal("true", ParsedProgram.Scalar(prod.Resource("cluster-eks"), "options.protect"));
        Assert.Equal("3", ParsedProgram.Scalar(prod.Resource("network-vpc"), "properties.numberOfAvailabilityZones"));
    }

    [Fact]
    public void Synth_writes_to_a_file_with_out_and_leaves_stdout_empty()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gsi-{Guid.NewGuid():N}.yaml");
        try
        {
            var result = CliRunner.Run("synth", "--stack", "dev", "--out", file);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stdout);
            Assert.Equal(CliRunner.Run("synth", "--stack", "dev").Stdout, File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_stack_file_is_a_one_line_error()
    {
        var result = CliRunner.Run("synth", "--stack", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("Pulumi.nope.yaml", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_option_is_a_usage_error()
    {
        var result = CliRunner.Run("synth");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("--stack", result.Stderr, StringComparison.Ordinal);
    }
}
