using System.Text.Json.Nodes;
using GpuSlicingInfra.Components.Program;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Review;

/// <summary>
/// A written Pulumi YAML program read back: what Pulumi will really see. Plan, diff and policy
/// checks all read this instead of the C# model, so they judge what is emitted, and can judge a
/// program file from another commit too. Every scalar becomes a JSON string (YAML's plain
/// <c>true</c> and quoted <c>"true"</c> alike): comparisons are textual, as in a review.
/// </summary>
public sealed class ProgramSnapshot
{
    private ProgramSnapshot(IReadOnlyList<ProgramResource> resources, string source, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        Resources = resources;
        Source = source;
        Variables = variables;
    }

    /// <summary>The program's variables by name (invoke results among them); scalars are strings.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; }

    /// <summary>Where the program came from (a file name, or a description), for messages and titles.</summary>
    public string Source { get; }

    /// <summary>Resources in program order.</summary>
    public IReadOnlyList<ProgramResource> Resources { get; }

    /// <summary>The resource with this logical name, or null.</summary>
    public ProgramResource? Find(string name) => Resources.FirstOrDefault(r => r.Name == name);

    /// <summary>Resources of one type token, in program order.</summary>
    public IEnumerable<ProgramResource> OfType(string type) => Resources.Where(r => r.Type == type);

    /// <summary>
    /// A program built in C#, as written and read back, each resource keeping the component that added it
    /// (<see cref="Resource.Component"/>; Pulumi YAML has no place for it, so a parsed file has none).
    /// </summary>
    public static ProgramSnapshot From(PulumiProgram program, string source)
    {
        ArgumentNullException.ThrowIfNull(program);
        var parsed = Parse(ProgramWriter.Write(program), source);
        return new ProgramSnapshot([.. parsed.Resources.Select(r => r with { Component = program.FindResource(r.Name)?.Component })], source, parsed.Variables);
    }

    /// <summary>Parses program text.</summary>
    /// <exception cref="YamlInputException">When the text exceeds the bounds of every YAML input (<see cref="YamlInput"/>) or is not YAML.</exception>
    /// <exception cref="IOException">When the text is not a Pulumi YAML program (the CLI reports it as bad input).</exception>
    public static ProgramSnapshot Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        // A program from another commit or a pull request is input too: bounded before it is loaded.
        YamlInput.Check(yaml, source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new IOException($"{source}: not valid YAML ({e.Start.Line}:{e.Start.Column}): {e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new IOException($"{source}: not a Pulumi YAML program (expected a mapping at the top).");
        }
        // Every program the compiler writes declares resources; a stack config (config: only) does not.
        if (!root.Children.TryGetValue(new YamlScalarNode("resources"), out var node) || node is not YamlMappingNode map)
        {
            throw new IOException($"{source}: not a Pulumi YAML program (no 'resources' map at the top; a stack config is not a program). Pass a program written by synth.");
        }
        var resources = new List<ProgramResource>();
        {
            foreach (var (key, value) in map.Children)
            {
                var body = YamlJson.From(value) as JsonObject ?? [];
                resources.Add(new ProgramResource(
                    ((YamlScalarNode)key).Value ?? "",
                    body["type"]?.GetValue<string>() ?? "",
                    body["properties"] as JsonObject ?? [],
                    body["options"] as JsonObject ?? []));
            }
        }
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (root.Children.TryGetValue(new YamlScalarNode("variables"), out var variableNode) && variableNode is YamlMappingNode variableMap)
        {
            foreach (var (key, value) in variableMap.Children)
            {
                variables[((YamlScalarNode)key).Value ?? ""] = YamlJson.From(value);
            }
        }
        return new ProgramSnapshot(resources, source, variables);
    }
}

/// <summary>One resource of a <see cref="ProgramSnapshot"/>.</summary>
/// <param name="Name">Logical name (part of the URN).</param>
/// <param name="Type">Type token, e.g. <c>eks:Cluster</c>.</param>
/// <param name="Properties">Its properties; scalars are strings.</param>
/// <param name="Options">Its resource options; scalars are strings.</param>
public sealed record ProgramResource(string Name, string Type, JsonObject Properties, JsonObject Options)
{
    /// <summary>The component that added it, when the program was built in C#; null for a parsed file.</summary>
    public ComponentIdentity? Component { get; init; }

    /// <summary>The scalar at a path of exact keys under <see cref="Properties"/> (array items by index), or null.</summary>
    public string? Text(params string[] keys) => At(Properties, keys) is JsonValue v ? v.GetValue<string>() : null;

    /// <summary>The node at a path of exact keys under <see cref="Properties"/>, or null.</summary>
    public JsonNode? Node(params string[] keys) => At(Properties, keys);

    /// <summary>The scalar option, e.g. <c>protect</c>, or null.</summary>
    public string? Option(string key) => Options[key] is JsonValue v ? v.GetValue<string>() : null;

    private static JsonNode? At(JsonNode? node, string[] keys)
    {
        foreach (var key in keys)
        {
            node = node switch
            {
                JsonObject map => map[key],
                JsonArray list when int.TryParse(key, out var i) && i >= 0 && i < list.Count => list[i],
                _ => null,
            };
        }
        return node;
    }
}
