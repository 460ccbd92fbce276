using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Config;

/// <summary>
/// A secret of this project is refused the same way by synth (which sees <c>secure:</c>) and by compiler
/// mode (which gets it decrypted in PULUMI_CONFIG and learns it is secret from the stack file beside it).
/// </summary>
public sealed class SecretsInBothModesTests
{
    private const string Plain = "decrypted-team-name";

    [Theory]
    [InlineData("gpu-slicing-infra:tags", "  gpu-slicing-infra:tags:\n    team:\n      secure: AAABAKd3\n", "{\"team\":\"" + Plain + "\"}", "gpu-slicing-infra:tags.team")]
    [InlineData("gpu-slicing-infra:environment", "  gpu-slicing-infra:environment:\n    secure: AAABAKd3\n", Plain, "gpu-slicing-infra:environment")]
    public void Both_modes_print_nothing_and_the_same_errors_naming_the_key(string key, string yaml, string decrypted, string path)
    {
        var directory = Directory.CreateTempSubdirectory("secrets-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "Pulumi.s.yaml"), StackFixtures.MinimalYaml(yaml));
            var fromFile = StackFileReader.Read(directory.FullName, "s");
            var values = fromFile.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            values[key] = System.Text.Json.Nodes.JsonValue.Create(decrypted);
            var pulumiConfig = PulumiConfigJson.From(fromFile with { Values = values });

            var synth = CliRunner.Run("synth", "--stack", "s", "--project-dir", directory.FullName);
            var compiler = CliRunner.Run(new Dictionary<string, string>
            {
                ["PULUMI_STACK"] = "s",
                ["PULUMI_CONFIG"] = pulumiConfig,
                ["PULUMI_ROOT_DIRECTORY"] = directory.FullName,
            });

            Assert.Equal(1, synth.ExitCode);
            Assert.Equal("", synth.Stdout);
            Assert.Contains($"{path}: {SecretValue.Message}", synth.Stderr, StringComparison.Ordinal);
            Assert.Equal((synth.ExitCode, synth.Stdout, synth.Stderr), (compiler.ExitCode, compiler.Stdout, compiler.Stderr));
            Assert.DoesNotContain(Plain, compiler.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_the_stack_file_or_a_secret_list_compiler_mode_cannot_know_and_compiles()
    {
        var config = PulumiConfigJson.From(StackFixtures.Inline(StackFixtures.MinimalYaml("  gpu-slicing-infra:environment: staging")));

        var result = CliRunner.Run(new Dictionary<string, string> { ["PULUMI_STACK"] = "nofile", ["PULUMI_CONFIG"] = config });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("staging", result.Stdout, StringComparison.Ordinal);
    }
}
