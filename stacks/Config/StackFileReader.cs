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
    /// <exception cref="ConfigException">The file is missing, empty or not valid YAML.</exception>
    public static StackConfig Read(string directory, string stackName)
    {
        var path = Path.Combine(directory, FileName(stackName));
        if (!File.Exists(path))
        {
            throw new ConfigException(FileName(stackName), $"stack file not found at '{path}'. Create it or pass an existing --stack.");
        }
        return Parse(File.ReadAllText(path), stackName, FileName(stackName));
    }

    /// <summary>Parses stack file text.</summary>
    /// <exception cref="ConfigException">The text is empty or not valid YAML, or has no <c>config</c> map.</exception>
    public static StackConfig Parse(string text, string stackName, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException(source, $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new ConfigException(source, "the stack file is empty; it needs a 'config:' map.");
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigException(source, "the stack file must be a map with a 'config:' key.");
        }
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            var name = ((YamlScalarNode)key).Value;
            if (name == "config")
            {
                if (value is not YamlMappingNode config)
                {
                    throw new ConfigException($"{source}:config", "must be a map of config keys.");
                }
                foreach (var (configKey, configValue) in config.Children)
                {
                    values[((YamlScalarNode)configKey).Value ?? ""] = ToJson(configValue);
                }
            }
        }
        return new StackConfig(stackName, values, source);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new ConfigException("config", $"unsupported YAML node at line {node.Start.Line}."),
    };

    // Plain scalars carry YAML types; quoted ones are always strings.
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }
        if (text is "" or "~" or "null")
        {
            return null;
        }
        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && text.Any(char.IsDigit))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(text);
    }
}
