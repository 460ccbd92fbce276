using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>Reads a written program back with YamlDotNet, the way Pulumi reads it.</summary>
internal sealed class ParsedProgram
{
    private readonly YamlMappingNode _root;

    public ParsedProgram(string yaml) => _root = LoadMap(yaml);

    /// <summary>Parses one YAML document whose root is a map.</summary>
    public static YamlMappingNode LoadMap(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public YamlMappingNode Root => _root;

    public YamlMappingNode Resources => (YamlMappingNode)_root["resources"];

    public IEnumerable<string> ResourceNames => Resources.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public YamlMappingNode Resource(string name) => (YamlMappingNode)Resources[name];

    public string TypeOf(string name) => Scalar(Resource(name), "type");

    public IEnumerable<string> NamesOfType(string type) => ResourceNames.Where(n => TypeOf(n) == type);

    /// <summary>A scalar at a dotted path under a node, e.g. <c>properties.scalingConfig.maxSize</c>.</summary>
    public static string Scalar(YamlNode node, string path) => ((YamlScalarNode)Node(node, path)).Value!;

    public static YamlNode Node(YamlNode node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            node = node is YamlSequenceNode list && int.TryParse(key, out var i) ? list[i] : ((YamlMappingNode)node)[key];
        }
        return node;
    }

    /// <summary>A scalar reached by exact keys (for keys that contain dots, like labels).</summary>
    public static string At(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            node = node is YamlSequenceNode list && int.TryParse(key, out var i) ? list[i] : ((YamlMappingNode)node)[key];
        }
        return ((YamlScalarNode)node).Value!;
    }

    public static bool Has(YamlNode node, string path)
    {
        try
        {
            _ = Node(node, path);
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }
}
