using System.Text.Json.Nodes;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>
/// Encodes a stack config the way Pulumi passes it to a YAML compiler: every value a string,
/// structured values JSON-encoded inside the string.
/// </summary>
internal static class PulumiConfigJson
{
    public static string From(StackConfig config)
    {
        var json = new JsonObject();
        foreach (var (key, value) in config.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            json[key] = value switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonValue v => v.ToJsonString(),
                _ => value.ToJsonString(),
            };
        }
        return json.ToJsonString();
    }
}
