using System.Globalization;
using System.Text.Json.Nodes;
using GpuSlicingInfra.Review;
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
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new ConfigException(FileName(stackName), $"stack file not found at '{path}'. Create it or pass an existing --stack.");
        }
        return Parse(BoundedInput.ReadFile(path, FileName(stackName)), stackName, FileName(stackName));
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
            throw new ConfigException(source, YamlSyntaxError.From(e, text, source).Detail);
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
        var problems = new List<ConfigProblem>();
        var budget = new ConversionBudget(source);
        foreach (var (key, value) in root.Children)
        {
            var name = KeyText(key, source);
            if (name != StackFileSections.Config)
            {
                if (StackFileSections.Check(name) is { } problem)
                {
                    problems.Add(problem);
                }
                continue;
            }
            if (value is not YamlMappingNode config)
            {
                throw new ConfigException($"{source}:config", value is YamlScalarNode { Value: null or "" or "~" or "null" }
                    ? "is empty; it must be a map of config keys."
                    : "must be a map of config keys.");
            }
            foreach (var (configKey, configValue) in config.Children)
            {
                var full = KeyText(configKey, source);
                if (!full.Contains(':', StringComparison.Ordinal))
                {
                    problems.Add(ConfigKeys.Unnamespaced(full));
                }
                // Only this project's values are checked: other namespaces belong to their providers.
                var reading = new Reading(budget, ConfigKeys.IsOurs(full) ? problems : null);
                values[full] = TopLevel(full, ToJson(configValue, reading, full, 1), reading);
            }
        }
        if (!root.Children.Keys.Any(k => k is YamlScalarNode { Value: StackFileSections.Config }))
        {
            // Without this, the first error a user sees is about a missing sharing profile.
            throw new ConfigException([.. problems, new ConfigProblem($"{source}:config",
                "is missing: every setting goes under a 'config:' section (see the example stack file that opens the README's configuration reference).")]);
        }
        return new StackConfig(stackName, values, source) { Problems = problems };
    }

    private static string KeyText(YamlNode key, string source) => key is YamlScalarNode scalar
        ? scalar.Value ?? ""
        : throw new ConfigException(source, $"line {key.Start.Line}: map keys must be plain text, not a {(key is YamlMappingNode ? "map" : "list")}.");

    private static JsonNode? ToJson(YamlNode node, Reading reading, string path, int depth)
    {
        reading.Budget.Visit(node, depth);
        reading.CheckTag(node, path);
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = KeyText(key, reading.Budget.Source);
                    var child = $"{path}.{name}";
                    reading.CheckKey((YamlScalarNode)key, child);
                    obj[name] = ToJson(value, reading, child, depth + 1);
                }
                return obj;
            case YamlSequenceNode list:
                return new JsonArray([.. list.Children.Select((c, i) => ToJson(c, reading, $"{path}[{i}]", depth + 1))]);
            case YamlScalarNode scalar:
                reading.CheckScalar(scalar, path);
                return YamlScalarTyping.ToJson(scalar);
            default:
                throw new ConfigException(reading.Budget.Source, $"line {node.Start.Line}: unsupported YAML node.");
        }
    }

    /// <summary>
    /// A top-level scalar becomes the text Pulumi passes in <c>PULUMI_CONFIG</c> after its YAML 1.1 round trip:
    /// null is "" (pulumi/pulumi <c>workspace/loaders.go</c>, <c>checkForEmptyConfig</c>), booleans and integers
    /// their plain text. A fraction would be re-formatted by Go, so one of ours is refused instead.
    /// </summary>
    private static JsonNode? TopLevel(string key, JsonNode? value, Reading reading) => value switch
    {
        null => JsonValue.Create(""),
        JsonValue v when v.TryGetValue<bool>(out var b) => JsonValue.Create(b ? "true" : "false"),
        JsonValue v when v.TryGetValue<long>(out var l) => JsonValue.Create(l.ToString(CultureInfo.InvariantCulture)),
        JsonValue v when v.TryGetValue<double>(out _) => reading.Refuse(key, value,
            "a number with a fraction at the top level reaches the compiler re-formatted by Pulumi; quote it."),
        _ => value,
    };

    /// <summary>One config key's conversion: the shared expansion budget and where its problems go (null: unchecked).</summary>
    private sealed class Reading(ConversionBudget budget, List<ConfigProblem>? problems)
    {
        public ConversionBudget Budget => budget;

        public void CheckTag(YamlNode node, string path)
        {
            // yaml.v2 and a YAML 1.2 reader disagree on tags (!!binary decodes base64, custom tags are dropped
            // or kept), so no tag is taken at its word.
            if (!node.Tag.IsEmpty)
            {
                var tag = node.Tag.Value.Replace("tag:yaml.org,2002:", "!!", StringComparison.Ordinal);
                problems?.Add(new ConfigProblem(path, $"has the explicit YAML tag '{StackInputLimits.Printable(tag)}', which YAML readers resolve differently; remove the tag and quote the value."));
            }
        }

        public void CheckKey(YamlScalarNode key, string path)
        {
            CheckTag(key, path);
            if (key.Style == ScalarStyle.Plain && Yaml11Scalars.KeyAmbiguity(key.Value ?? "") is { } reason)
            {
                problems?.Add(new ConfigProblem(path, $"the key '{StackInputLimits.Printable(key.Value ?? "")}' is ambiguous: {reason}. Quote it."));
            }
        }

        public void CheckScalar(YamlScalarNode scalar, string path)
        {
            if (scalar.Style == ScalarStyle.Plain && Yaml11Scalars.Ambiguity(scalar.Value ?? "") is { } reason)
            {
                var text = StackInputLimits.Printable(scalar.Value ?? "");
                problems?.Add(new ConfigProblem(path, $"'{text}' is ambiguous: {reason}. Quote it (\"{text}\") if it is text, or write the plain value (true, false, 8, 0.5)."));
            }
        }

        public JsonNode? Refuse(string path, JsonNode? value, string message)
        {
            problems?.Add(new ConfigProblem(path, message));
            return value;
        }
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
