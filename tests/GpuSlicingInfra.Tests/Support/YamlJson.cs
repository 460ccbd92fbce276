using System.Text.Json.Nodes;
using GpuSlicingInfra.Stacks.Config;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>
/// YAML to JSON with YAML 1.2 core-schema typing: plain scalars that read as numbers, booleans or null
/// become those; quoted scalars stay strings (as the Kubernetes API server reads them).
/// </summary>
internal static class YamlJson
{
    public static JsonNode? From(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, From(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(From)]),
        YamlScalarNode scalar => YamlScalarTyping.ToJson(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    public static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
