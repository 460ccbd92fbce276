using System.Text.Json.Nodes;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Config;

public sealed class SecretKeysTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("[]")]
    public void Unset_or_empty_lists_no_keys(string? text) => Assert.Empty(SecretKeys.Parse(text));

    [Theory]
    [InlineData("""["gpu-slicing-infra:tags", "aws:secretKey"]""")]
    [InlineData("gpu-slicing-infra:tags,aws:secretKey")]
    [InlineData(" gpu-slicing-infra:tags , aws:secretKey ,")]
    public void A_json_array_or_a_comma_separated_list_names_the_keys(string text) =>
        Assert.Equal(["aws:secretKey", "gpu-slicing-infra:tags"], SecretKeys.Parse(text).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("""["gpu-slicing-infra:tags",""")]
    [InlineData("[1, 2]")]
    [InlineData("""[{"key": "x"}]""")]
    public void A_malformed_json_list_is_an_error_naming_the_variable(string text)
    {
        var error = Assert.Throws<ConfigException>(() => SecretKeys.Parse(text));

        Assert.Equal(SecretKeys.Variable, Assert.Single(error.Problems).KeyPath);
    }

    [Fact]
    public void A_stack_file_secure_value_masks_the_same_path_of_pulumi_config_and_leaves_other_namespaces_alone()
    {
        var stackFile = StackFixtures.Inline(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:cluster:
                name:
                  secure: AAABAKd3
                systemMinSize: 1
              aws:secretKey:
                secure: AAABAKd4
            """));
        var fromPulumi = EnvironmentConfigReader.Parse("test", """
            {"gpu-slicing-infra:cluster": "{\"name\":\"plain-secret\",\"systemMinSize\":1}", "aws:secretKey": "aws-plain"}
            """);

        var masked = SecretKeys.Mask(fromPulumi, stackFile, new HashSet<string>());

        var cluster = (JsonObject)masked.Values["gpu-slicing-infra:cluster"]!;
        Assert.True(SecretValue.IsSecret(cluster["name"]));
        Assert.Equal(1, cluster["systemMinSize"]!.GetValue<long>());
        Assert.Equal("aws-plain", masked.Values["aws:secretKey"]!.GetValue<string>());
        Assert.DoesNotContain("plain-secret", masked.Values["gpu-slicing-infra:cluster"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_listed_key_of_ours_is_refused_by_name_and_its_value_never_reaches_a_message()
    {
        var config = EnvironmentConfigReader.Parse("test", PulumiConfigJson.From(StackFixtures.Inline(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:environment: "not allowed!"
            """))));

        var masked = SecretKeys.Mask(config, null, new HashSet<string> { "gpu-slicing-infra:environment" });
        var error = Assert.Throws<ConfigException>(() => SettingsBinder.Bind(masked));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("gpu-slicing-infra:environment", problem.KeyPath);
        Assert.Equal(SecretValue.Message, problem.Message);
        Assert.DoesNotContain("not allowed!", error.Message, StringComparison.Ordinal);
    }
}
