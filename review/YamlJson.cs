using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Review;

/// <summary>
/// The one YAML-to-JSON conversion of the solution. Reviews compare values as text, so by default every
/// scalar becomes a JSON string; a caller that needs typed values (tests reading upstream YAML as the
/// Kubernetes API server would) passes its own scalar reading.
/// </summary>
internal static class YamlJson
{
    /// <summary>The node with every scalar a string (a null scalar is JSON null).</summary>
    public static JsonNode? From(YamlNode node) => From(node, scalar => scalar.Value is null ? null : JsonValue.Create(scalar.Value));

    /// <summary>The node with each scalar read by <paramref name="scalar"/>.</summary>
    public static JsonNode? From(YamlNode node, Func<YamlScalarNode, JsonNode?> scalar) => node switch
    {
        YamlScalarNode value => scalar(value),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(c => From(c, scalar))]),
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", From(c.Value, scalar)))),
        _ => null,
    };

    /// <summary>The first document of <paramref name="yaml"/>, or null when it is empty or not YAML.</summary>
    public static JsonNode? TryParse(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 0 ? null : From(stream.Documents[0].RootNode);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }
}
