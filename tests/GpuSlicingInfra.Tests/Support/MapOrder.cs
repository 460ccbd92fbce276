using System.Text.Json.Nodes;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>Rewrites config with every map's keys in another order (lists keep theirs: their order is meaningful).</summary>
internal static class MapOrder
{
    /// <summary>Every map shuffled by <paramref name="random"/>; null reverses every map instead.</summary>
    public static JsonNode? Permute(JsonNode? node, Random? random) => node switch
    {
        JsonObject map => new JsonObject(Order([.. map], random).Select(p => KeyValuePair.Create(p.Key, Permute(p.Value, random)))),
        JsonArray list => new JsonArray([.. list.Select(i => Permute(i, random))]),
        _ => node?.DeepClone(),
    };

    /// <summary>The stack file text of <paramref name="config"/> with its maps permuted (JSON is YAML).</summary>
    public static string StackFile(StackConfig config, Random? random)
    {
        var root = new JsonObject(config.Values.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone())));
        return "config: " + Permute(root, random)!.ToJsonString() + "\n";
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Order(List<KeyValuePair<string, JsonNode?>> entries, Random? random)
    {
        if (random is null)
        {
            entries.Reverse();
            return entries;
        }
        var array = entries.ToArray();
        random.Shuffle(array);
        return array;
    }
}
