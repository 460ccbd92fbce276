using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Cli;

public sealed class CompilerModeTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Compiler_mode_with_pulumi_config_prints_the_same_program_as_synth(string stack)
    {
        var synth = CliRunner.Run("synth", "--stack", stack);
        var compiled = CliRunner.Run(new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = stack,
            ["PULUMI_CONFIG"] = PulumiConfigJson.From(StackFixtures.Shipped(stack)),
        });

        Assert.Equal(0, synth.ExitCode);
        Assert.Equal(0, compiled.ExitCode);
        Assert.Equal("", compiled.Stderr);
        Assert.Equal(synth.Stdout, compiled.Stdout);
    }

    // Pools, profiles, labels and tags in any order: reversed, then shuffled with fixed seeds.
    [Theory]
    [InlineData("dev", -1)]
    [InlineData("dev", 1)]
    [InlineData("dev", 2)]
    [InlineData("prod", -1)]
    [InlineData("prod", 1)]
    [InlineData("prod", 2)]
    public void Synth_and_compiler_mode_print_the_shipped_program_whatever_order_the_maps_are_written_in(string stack, int seed)
    {
        var expected = CliRunner.Run("synth", "--stack", stack).Stdout;
        var directory = Directory.CreateTempSubdirectory("order-");
        try
        {
            var text = MapOrder.StackFile(StackFixtures.Shipped(stack), seed < 0 ? null : new Random(seed));
            File.WriteAllText(Path.Combine(directory.FullName, $"Pulumi.{stack}.yaml"), text);
            var synth = CliRunner.Run("synth", "--stack", stack, "--project-dir", directory.FullName);
            var compiled = CliRunner.Run(new Dictionary<string, string>
            {
                ["PULUMI_STACK"] = stack,
                ["PULUMI_CONFIG"] = PulumiConfigJson.From(StackFileReader.Parse(text, stack, "permuted")),
                ["PULUMI_ROOT_DIRECTORY"] = directory.FullName,
            });

            Assert.Equal("", synth.Stderr);
            Assert.Equal(expected, synth.Stdout);
            Assert.Equal("", compiled.Stderr);
            Assert.Equal(expected, compiled.Stdout);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_stack_variables_it_prints_a_discovery_program_with_every_provider_package()
    {
        var result = CliRunner.Run();

        Assert.Equal(0, result.ExitCode);
        var program = new ParsedProgram(result.Stdout);
        var types = program.ResourceNames.Select(program.TypeOf).ToList();
        Assert.Contains(types, t => t.StartsWith("aws:", StringComparison.Ordinal));
        Assert.Contains(types, t => t.StartsWith("awsx:", StringComparison.Ordinal));
        Assert.Contains(types, t => t.StartsWith("eks:", StringComparison.Ordinal));
        Assert.Contains(types, t => t.StartsWith("kubernetes:", StringComparison.Ordinal));
        Assert.Contains(types, t => t.StartsWith("random:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stack_variable_without_config_explains_the_pulumi_version_and_prints_nothing()
    {
        var result = CliRunner.Run(new Dictionary<string, string> { ["PULUMI_STACK"] = "dev" });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("PULUMI_CONFIG", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("upgrade", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_config_exits_non_zero_prints_nothing_and_names_every_key()
    {
        var config = StackFixtures.Inline(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:colour: blue
              gpu-slicing-infra:cluster:
                kubernetesVersion: 1.19
            """).Replace("replicas: 4", "replicas: many", StringComparison.Ordinal));
        var result = CliRunner.Run(new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "test",
            ["PULUMI_CONFIG"] = PulumiConfigJson.From(config),
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("gpu-slicing-infra:colour", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("gpu-slicing-infra:cluster.kubernetesVersion", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("gpu-slicing-infra:devicePlugin.profiles.ts-4.replicas", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_twice_gives_byte_identical_output()
    {
        Assert.Equal(CliRunner.Run("synth", "--stack", "prod").Stdout, CliRunner.Run("synth", "--stack", "prod").Stdout);
    }
}
