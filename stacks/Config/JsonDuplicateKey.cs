using System.Text;
using System.Text.Json;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>
/// Finds the first key given twice in one JSON object, for the message: System.Text.Json rejects duplicates but names
/// the key cut to 15 characters ("Duplicate property 'gpu-slicing-inf...'"), which names no config key of this project.
/// </summary>
internal static class JsonDuplicateKey
{
    /// <summary>The path of the first repeated key (<c>a.b</c>, <c>a[1].b</c>), or null when none repeats or the text is not JSON.</summary>
    public static string? Find(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = StackInputLimits.MaxDepth });
        var frames = new Stack<Frame>();
        var name = "";
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        frames.Push(new Frame(ChildPath(frames, name), reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        ValueDone(frames);
                        break;
                    case JsonTokenType.PropertyName:
                        name = reader.GetString()!;
                        var current = frames.Peek();
                        if (!current.Keys!.Add(name))
                        {
                            return Join(current.Path, name);
                        }
                        break;
                    default:
                        ValueDone(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static string ChildPath(Stack<Frame> frames, string name) =>
        !frames.TryPeek(out var parent) ? "" : parent.Keys is null ? $"{parent.Path}[{parent.Index}]" : Join(parent.Path, name);

    // An array counts its items so a path can name one.
    private static void ValueDone(Stack<Frame> frames)
    {
        if (frames.TryPeek(out var parent) && parent.Keys is null)
        {
            parent.Index++;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private sealed class Frame(string path, bool isObject)
    {
        public string Path { get; } = path;

        public HashSet<string>? Keys { get; } = isObject ? new(StringComparer.Ordinal) : null;

        public int Index { get; set; }
    }
}
