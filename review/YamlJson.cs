using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Review;

/// <summary>YAML nodes as JSON nodes with every scalar a string, the way reviews compare values.</summary>
internal static class YamlJson
{
    public static JsonNode? From(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value is null ? null : JsonValue.Create(scalar.Value),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(From)]),
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", From(c.Value)))),
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
