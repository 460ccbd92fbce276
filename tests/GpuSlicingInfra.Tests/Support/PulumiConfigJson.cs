using System.Text.Json.Nodes;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>
/// Encodes a stack config the way Pulumi passes it to a YAML compiler: every value a string,
/// structured values JSON-encoded inside the string with map keys sorted, as Go's encoding/json
/// writes a map (pulumi-yaml <c>pkg/server/server.go</c>, <c>Run</c>: <c>json.Marshal</c>).
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
                _ => Sorted(value)!.ToJsonString(),
            };
        }
        return json.ToJsonString();
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
