using System.Text.Json.Nodes;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Config;

/// <summary>The stack file reader reads what Pulumi reads, and says so when the two could differ.</summary>
public sealed class StackFileReadingTests
{
    private static StackConfig Read(string yaml) => StackFileReader.Parse(yaml, "test", "inline");

    [Fact]
    public void Top_level_scalars_become_the_text_pulumi_passes_in_pulumi_config()
    {
        var config = Read("""
            config:
              gpu-slicing-infra:protect: true
              gpu-slicing-infra:environment:
              gpu-slicing-infra:x: 42
              gpu-slicing-infra:y: "quoted"
            """);

        // Pulumi's config map holds strings; a null top-level value is "" (workspace/loaders.go, checkForEmptyConfig).
        Assert.Equal("true", config.Values["gpu-slicing-infra:protect"]!.GetValue<string>());
        Assert.Equal("", config.Values["gpu-slicing-infra:environment"]!.GetValue<string>());
        Assert.Equal("42", config.Values["gpu-slicing-infra:x"]!.GetValue<string>());
        Assert.Equal("quoted", config.Values["gpu-slicing-infra:y"]!.GetValue<string>());
        Assert.Empty(config.Problems);
    }

    [Fact]
    public void Nested_scalars_keep_their_types_as_pulumi_json_encodes_them()
    {
        var config = Read("""
            config:
              gpu-slicing-infra:cluster:
                systemMinSize: 2
                endpointPublicAccess: false
                name: "010"
            """);

        var cluster = (JsonObject)config.Values["gpu-slicing-infra:cluster"]!;
        Assert.Equal(2, cluster["systemMinSize"]!.GetValue<long>());
        Assert.False(cluster["endpointPublicAccess"]!.GetValue<bool>());
        Assert.Equal("010", cluster["name"]!.GetValue<string>());
        Assert.Empty(config.Problems);
    }

    [Fact]
    public void Every_ambiguous_scalar_tag_and_key_is_listed_at_once_with_its_path()
    {
        var config = Read("""
            config:
              gpu-slicing-infra:cluster:
                systemMinSize: 010
                endpointPublicAccess: yes
                adminPrincipalArns:
                  - !!str arn
              gpu-slicing-infra:tags:
                ? !custom key
                : value
                when: 1:20
            """);

        Assert.Equal(
            [
                "gpu-slicing-infra:cluster.adminPrincipalArns[0]",
                "gpu-slicing-infra:cluster.endpointPublicAccess",
                "gpu-slicing-infra:cluster.systemMinSize",
                "gpu-slicing-infra:tags.key",
                "gpu-slicing-infra:tags.when",
            ],
            config.Problems.Select(p => p.KeyPath).Order(StringComparer.Ordinal));
        Assert.All(config.Problems, p => Assert.Contains("uote", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Other_namespaces_are_not_checked()
    {
        var config = Read("""
            config:
              aws:defaultTags: !!binary aGVsbG8=
              aws:skipCredentialsValidation: yes
            """);

        Assert.Empty(config.Problems);
    }

    [Theory]
    [InlineData("secretsprovider: passphrase", null)]
    [InlineData("encryptionsalt: v1:abc", null)]
    [InlineData("encryptedkey: abc", null)]
    [InlineData("environment: [shared]", null)]
    [InlineData("mainEnvironment: team/dev", null)]
    [InlineData("secretprovider: passphrase", "secretprovider")]
    [InlineData("gpu-slicing-infra:protect: true", "gpu-slicing-infra:protect")]
    [InlineData("imports: [x]", "imports")]
    public void Top_level_keys_are_those_of_pulumi_project_stack(string line, string? refused)
    {
        var config = Read(line + "\nconfig:\n  gpu-slicing-infra:protect: true\n");

        Assert.Equal(refused is null ? [] : [refused], config.Problems.Select(p => p.KeyPath));
    }

    [Fact]
    public void Unnamespaced_keys_are_errors_because_pulumi_would_read_them_as_ours()
    {
        var config = Read("config:\n  protect: true\n");

        var problem = Assert.Single(config.Problems);
        Assert.Equal("protect", problem.KeyPath);
        Assert.Contains("gpu-slicing-infra:protect", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shipped_stack_file_has_no_problems() => Assert.Empty(StackFixtures.Shipped("prod").Problems);
}
