using System.Text.Json.Nodes;
using GpuSlicingInfra.Stacks.Config;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>
/// Upstream YAML as typed JSON: the review library's conversion (<see cref="GpuSlicingInfra.Review.YamlJson"/>) with YAML 1.2
/// core-schema scalars (plain numbers, booleans and null become those; quoted scalars stay strings, as the
/// Kubernetes API server reads them).
/// </summary>
internal static class TypedYaml
{
    public static JsonNode? From(YamlNode node) => GpuSlicingInfra.Review.YamlJson.From(node, YamlScalarTyping.ToJson);

    public static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
