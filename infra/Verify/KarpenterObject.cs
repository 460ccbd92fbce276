using System.Globalization;
using System.Text.Json;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>A condition of a custom resource's <c>status.conditions</c>.</summary>
/// <param name="Status"><c>True</c>, <c>False</c> or <c>Unknown</c>.</param>
/// <param name="Reason">Machine-readable reason, if any.</param>
/// <param name="Message">Human-readable message, if any.</param>
internal sealed record ObjectCondition(string Status, string? Reason, string? Message)
{
    /// <summary>Reason and message in one phrase, for a report line.</summary>
    public string Explain() => string.Join(": ", new[] { Reason, Message }.Where(s => !string.IsNullOrEmpty(s)));
}

/// <summary>
/// A Karpenter object (NodePool, NodeClaim, NodeOverlay) as much as verify reads of it: custom resources come as plain
/// JSON (the client has no types for them) and are read with JsonElement, which needs no serialization metadata.
/// </summary>
/// <param name="Name">metadata.name.</param>
/// <param name="Labels">metadata.labels.</param>
/// <param name="Created">metadata.creationTimestamp; null when absent.</param>
/// <param name="Conditions">status.conditions by type.</param>
internal sealed record KarpenterObject(string Name, IReadOnlyDictionary<string, string> Labels, DateTimeOffset? Created,
    IReadOnlyDictionary<string, ObjectCondition> Conditions)
{
    /// <summary>The items of a <c>…List</c> response.</summary>
    public static IReadOnlyList<KarpenterObject> ListItems(JsonElement list) =>
        list.ValueKind == JsonValueKind.Object && list.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(From)]
            : [];

    /// <summary>Whether condition <paramref name="type"/> is <c>True</c>.</summary>
    public bool Is(string type) => Conditions.TryGetValue(type, out var c) && c.Status == "True";

    private static KarpenterObject From(JsonElement item)
    {
        var metadata = Child(item, "metadata");
        var status = Child(item, "status");
        var created = Text(metadata, "creationTimestamp") is { } stamp
            && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(metadata, "labels") is { ValueKind: JsonValueKind.Object } labelObject)
        {
            foreach (var label in labelObject.EnumerateObject().Where(l => l.Value.ValueKind == JsonValueKind.String))
            {
                labels[label.Name] = label.Value.GetString()!;
            }
        }
        var conditions = new Dictionary<string, ObjectCondition>(StringComparer.Ordinal);
        if (Child(status, "conditions") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var condition in list.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
            {
                if (Text(condition, "type") is { } type)
                {
                    conditions[type] = new ObjectCondition(Text(condition, "status") ?? "Unknown", Text(condition, "reason"), Text(condition, "message"));
                }
            }
        }
        return new KarpenterObject(Text(metadata, "name") ?? "", labels, created, conditions);
    }

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var child) ? child : null;

    private static string? Text(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
