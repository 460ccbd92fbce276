using System.Text.Json;
using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>
/// Reads the config Pulumi hands a YAML compiler: <c>PULUMI_STACK</c> and <c>PULUMI_CONFIG</c>
/// (a JSON object of full keys to string values).
/// </summary>
public static class EnvironmentConfigReader
{
    /// <summary>Variable with the stack name.</summary>
    public const string StackVariable = "PULUMI_STACK";

    /// <summary>Variable with the stack config as JSON.</summary>
    public const string ConfigVariable = "PULUMI_CONFIG";

    /// <summary>Parses <c>PULUMI_CONFIG</c>.</summary>
    /// <exception cref="ConfigException">The JSON is malformed, has a duplicate key, or is not an object.</exception>
    public static StackConfig Parse(string stackName, string configJson)
    {
        JsonNode? root;
        try
        {
            root = StackInputLimits.ParseJson(configJson);
        }
        catch (JsonException e)
        {
            throw new ConfigException(ConfigVariable, $"is not valid JSON ({StackInputLimits.OneLine(e.Message)}).");
        }
        if (root is not JsonObject obj)
        {
            throw new ConfigException(ConfigVariable, "must be a JSON object of config keys.");
        }
        var values = obj.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
        return new StackConfig(stackName, values, ConfigVariable);
    }
}
