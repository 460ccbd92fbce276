using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>Reads <c>Pulumi.&lt;stack&gt;.yaml</c> into a <see cref="StackConfig"/>.</summary>
public static class StackFileReader
{
    /// <summary>The stack file name for a stack.</summary>
    public static string FileName(string stackName) => $"Pulumi.{stackName}.yaml";

    /// <summary>Reads the stack file in <paramref name="directory"/>.</summary>
    /// <exception cref="ConfigException">The file is missing, unreadable, too large, not UTF-8, empty or not valid YAML.</exception>
    public static StackConfig Read(string directory, string stackName)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        if (!StackInputLimits.IsValidStackName(stackName))
        {
            throw new ConfigException("--stack", $"'{StackInputLimits.Printable(stackName)}' is not a stack name (letters, digits, '-', '_' and '.', at most 100 characters).");
        }
        var path = Path.Combine(directory, FileName(stackName));
        if (!File.Exists(path))
        {
            throw new ConfigException(FileName(stackName), $"stack file not found at '{path}'. Create it or pass an existing --stack.");
        }
        return Parse(StackInputLimits.ReadUtf8(path, FileName(stackName)), stackName, FileName(stackName));
    }

    /// <summary>Parses stack file text.</summary>
    /// <exception cref="ConfigException">The text is empty or not valid YAML, or has no <c>config</c> map.</exception>
    public static StackConfig Parse(string text, string stackName, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Checked on the event stream first: loading the node tree recurses once per nesting level.
        StackInputLimits.CheckYamlShape(text, source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException(source, $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {StackInputLimits.OneLine(e.Message)}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new ConfigException(source, "the stack file is empty; it needs a 'config:' map.");
        }
        if (stream.Documents.Count > 1)
        {
            throw new ConfigException(source, $"holds {stream.Documents.Count} YAML documents ('---'); a stack file is one document.");
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigException(source, "the stack file must be a map with a 'config:' key.");
        }
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var budget = new ConversionBudget(source);
        foreach (var (key, value) in root.Children)
        {
            var name = KeyText(key, source);
            if (name == "config")
            {
                if (value is not YamlMappingNode config)
                {
                    throw new ConfigException($"{source}:config", value is YamlScalarNode { Value: null or "" or "~" or "null" }
                        ? "is empty; it must be a map of config keys."
                        : "must be a map of config keys.");
                }
                foreach (var (configKey, configValue) in config.Children)
                {
                    values[KeyText(configKey, source)] = ToJson(configValue, budget, 1);
                }
            }
        }
        return new StackConfig(stackName, values, source);
    }

    private static string KeyText(YamlNode key, string source) => key is YamlScalarNode scalar
        ? scalar.Value ?? ""
        : throw new ConfigException(source, $"line {key.Start.Line}: map keys must be plain text, not a {(key is YamlMappingNode ? "map" : "list")}.");

    private static JsonNode? ToJson(YamlNode node, ConversionBudget budget, int depth)
    {
        budget.Visit(node, depth);
        return node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(c =>
                KeyValuePair.Create(KeyText(c.Key, budget.Source), ToJson(c.Value, budget, depth + 1)))),
            YamlSequenceNode list => new JsonArray([.. list.Children.Select(c => ToJson(c, budget, depth + 1))]),
            YamlScalarNode scalar => YamlScalarTyping.ToJson(scalar),
            _ => throw new ConfigException(budget.Source, $"line {node.Start.Line}: unsupported YAML node."),
        };
    }

    /// <summary>Bounds the conversion: aliases can make a small file expand into a huge (or cyclic) tree.</summary>
    private sealed class ConversionBudget(string source)
    {
        private int _nodes;

        public string Source => source;

        public void Visit(YamlNode node, int depth)
        {
            if (depth > StackInputLimits.MaxDepth)
            {
                throw new ConfigException(source, $"line {node.Start.Line}: values are nested more than {StackInputLimits.MaxDepth} levels deep (a cyclic alias?).");
            }
            if (++_nodes > StackInputLimits.MaxNodes)
            {
                throw new ConfigException(source, $"expands to more than {StackInputLimits.MaxNodes} values (aliases repeated?); a stack file is far smaller.");
            }
        }
    }
}
