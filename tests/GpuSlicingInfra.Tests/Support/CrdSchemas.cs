using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>
/// The openAPIV3Schema of an upstream CRD version as a JSON Schema. Kubernetes extensions
/// (<c>x-kubernetes-*</c>, CEL rules) are dropped. Objects with declared properties get
/// <c>additionalProperties: false</c>: the API server prunes unknown fields silently, so a misspelled
/// field would otherwise pass here and vanish in the cluster.
/// </summary>
internal static class CrdSchemas
{
    private static readonly string[] SchemaMaps = ["properties", "patternProperties"];
    private static readonly string[] SchemaLists = ["anyOf", "allOf", "oneOf"];
    private static readonly string[] SchemaValues = ["items", "additionalProperties", "not"];

    public static JsonSchema Load(string crdFile, string version)
    {
        var crd = TypedYaml.Load(RepoPaths.SharedFile($"upstream/karpenter/{crdFile}"));
        var versions = (YamlSequenceNode)ParsedProgram.Node(crd, "spec.versions");
        var entry = versions.Cast<YamlMappingNode>().SingleOrDefault(v => ParsedProgram.Scalar(v, "name") == version)
            ?? throw new InvalidOperationException($"{crdFile} has no version {version}.");
        var schema = Convert(ParsedProgram.Node(entry, "schema.openAPIV3Schema"));
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        return JsonSchema.FromText(schema.ToJsonString());
    }

    /// <summary>Every validation error, as "instance path: message".</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }
        return [.. new[] { results }.Concat(results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }

    private static JsonObject Convert(YamlNode node)
    {
        var result = new JsonObject();
        var map = (YamlMappingNode)node;
        var preserveUnknown = false;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            if (key == "x-kubernetes-preserve-unknown-fields")
            {
                preserveUnknown = true;
            }
            if (key.StartsWith("x-kubernetes-", StringComparison.Ordinal))
            {
                continue;
            }
            result[key] = key switch
            {
                _ when SchemaMaps.Contains(key) => new JsonObject(((YamlMappingNode)value).Children
                    .Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, (JsonNode?)Convert(c.Value)))),
                _ when SchemaLists.Contains(key) => new JsonArray([.. ((YamlSequenceNode)value).Children.Select(c => (JsonNode)Convert(c))]),
                _ when SchemaValues.Contains(key) && value is YamlMappingNode => Convert(value),
                _ => TypedYaml.From(value),
            };
        }
        if (result.ContainsKey("properties") && !result.ContainsKey("additionalProperties") && !preserveUnknown)
        {
            result["additionalProperties"] = false;
        }
        return result;
    }
}
