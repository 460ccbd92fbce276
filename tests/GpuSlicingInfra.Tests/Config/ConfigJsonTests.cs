using System.Text.Json.Nodes;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Tests.Config;

/// <summary>
/// JSON config (PULUMI_CONFIG and the JSON strings it holds for maps and lists) is rejected at parse time when a key
/// repeats at any depth: the parser, not a later walk of the tree, finds it, so a node read later cannot throw.
/// </summary>
public sealed class ConfigJsonTests
{
    [Theory]
    [InlineData("""{"gpu-slicing-infra:environment": "dev", "gpu-slicing-infra:environment": "prod"}""", "gpu-slicing-infra:environment")]
    [InlineData("""{"gpu-slicing-infra:environment": "dev", "gpu-slicing-infra:network": {"cidrBlock": "10.0.0.0/16", "cidrBlock": "10.1.0.0/16"}}""", "gpu-slicing-infra:network.cidrBlock")]
    [InlineData("""{"gpu-slicing-infra:gpuPools": [{"name": "a"}, [1, {"x": 1}], {"name": "b", "name": "c"}]}""", "gpu-slicing-infra:gpuPools[2].name")]
    public void A_key_given_twice_anywhere_in_PULUMI_CONFIG_is_an_error_naming_the_variable_and_the_whole_key(string json, string key)
    {
        var error = Assert.Throws<ConfigException>(() => EnvironmentConfigReader.Parse("dev", json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(EnvironmentConfigReader.ConfigVariable, problem.KeyPath);
        Assert.Contains($"the key '{key}' is given twice", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_inside_a_json_string_value_is_a_problem_at_that_config_key()
    {
        var config = new StackConfig("dev", new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["gpu-slicing-infra:tags"] = JsonValue.Create("""{"team": "a", "team": "b"}"""),
        }, EnvironmentConfigReader.ConfigVariable);

        var error = Assert.Throws<ConfigException>(() => SettingsBinder.Bind(config));

        Assert.Contains(error.Problems, p => p.KeyPath == "gpu-slicing-infra:tags" && p.Message.Contains("the key 'team' is given twice", StringComparison.Ordinal));
    }
}
