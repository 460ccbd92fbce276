using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>
/// Limits and checks applied to raw config input before it is bound, so hostile or broken input
/// (huge files, invalid UTF-8, deep nesting, duplicate keys, alias bombs) ends as one clear
/// <see cref="ConfigException"/> instead of a crash.
/// </summary>
public static partial class StackInputLimits
{
    /// <summary>Largest stack file read, in bytes (real ones are a few KiB).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of maps and lists accepted in a stack file.</summary>
    public const int MaxDepth = 32;

    /// <summary>Most values a stack file may expand to (aliases included).</summary>
    public const int MaxNodes = 200_000;

    /// <summary>Whether <paramref name="name"/> can name a stack file (no paths).</summary>
    public static bool IsValidStackName(string name) => StackName().IsMatch(name) && name is not "." and not "..";

    /// <summary>Reads a file as strict UTF-8 (a leading BOM is dropped).</summary>
    /// <exception cref="ConfigException">Unreadable, too large, or not UTF-8.</exception>
    public static string ReadUtf8(string path, string source)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                throw new ConfigException(source, $"is larger than {MaxBytes / (1024 * 1024)} MiB; a stack file is a few KiB.");
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(source, $"cannot be read: {OneLine(e.Message)}");
        }
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new ConfigException(source, $"is not valid UTF-8 (bad byte near offset {Math.Max(e.Index, 0)}); save it as UTF-8.");
        }
    }

    /// <summary>
    /// Walks the YAML event stream: rejects nesting deeper than <see cref="MaxDepth"/> and a key given twice
    /// in one map (YAML forbids it, and silently keeping one would hide a mistake).
    /// </summary>
    /// <exception cref="ConfigException">Syntax error, too deep, or a duplicate key.</exception>
    public static void CheckYamlShape(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes)
        {
            throw new ConfigException(source, $"is larger than {MaxBytes / (1024 * 1024)} MiB; a stack file is a few KiB.");
        }
        var frames = new Stack<Frame>();
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        frames.Clear();
                        break;
                    case MappingStart or SequenceStart:
                        var wasKey = frames.TryPeek(out var parent) && parent.IsMap && parent.ExpectKey;
                        if (wasKey)
                        {
                            parent!.ExpectKey = false;
                        }
                        if (frames.Count >= MaxDepth)
                        {
                            throw new ConfigException(source, $"line {parser.Current.Start.Line}: values are nested more than {MaxDepth} levels deep.");
                        }
                        frames.Push(new Frame(parser.Current is MappingStart, wasKey));
                        break;
                    case MappingEnd or SequenceEnd:
                        var done = frames.Pop();
                        if (frames.TryPeek(out var owner) && owner.IsMap)
                        {
                            owner.ExpectKey = !done.WasKey;
                        }
                        break;
                    case YamlDotNet.Core.Events.Scalar or AnchorAlias:
                        if (frames.TryPeek(out var map) && map.IsMap)
                        {
                            if (map.ExpectKey && parser.Current is YamlDotNet.Core.Events.Scalar key && !map.Keys.Add(key.Value))
                            {
                                throw new ConfigException(source, $"line {key.Start.Line}: key '{Printable(key.Value)}' appears twice in the same map.");
                            }
                            map.ExpectKey = !map.ExpectKey;
                        }
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            throw new ConfigException(source, $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {OneLine(e.Message)}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // The YAML scanner throws these on some malformed input instead of a YamlException.
            throw new ConfigException(source, $"not valid YAML near line {parser.Current?.Start.Line ?? 1}: {OneLine(e.Message)}");
        }
    }

    /// <summary>Text on one line, for messages.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ReplaceLineEndings(" ");
    }

    /// <summary>Text safe to echo in a one-line message: control and line-break characters escaped, at most <paramref name="maxLength"/> characters.</summary>
    public static string Printable(string text, int maxLength = 80)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder();
        foreach (var c in text.Length > maxLength ? text[..maxLength] : text)
        {
            _ = char.IsControl(c) || c is '\u2028' or '\u2029' ? builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : builder.Append(c);
        }
        return text.Length > maxLength ? builder.Append('…').ToString() : builder.ToString();
    }

    /// <summary>JSON parsing options for config: duplicate keys are errors, nesting is bounded.</summary>
    public static JsonDocumentOptions JsonOptions { get; } = new() { AllowDuplicateProperties = false, MaxDepth = MaxDepth };

    /// <summary>Parses JSON config text fully (so no error surfaces later, on first access).</summary>
    /// <exception cref="JsonException">Malformed, too deep, or a duplicate key.</exception>
    public static JsonNode? ParseJson(string text)
    {
        try
        {
            var node = JsonNode.Parse(text, documentOptions: JsonOptions);
            // Materializes every object now, so a duplicate key cannot throw on first access.
            _ = node?.ToJsonString();
            return node;
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_.-]{1,100}\z")]
    private static partial Regex StackName();

    private sealed class Frame(bool isMap, bool wasKey)
    {
        public bool IsMap { get; } = isMap;

        public bool WasKey { get; } = wasKey;

        public bool ExpectKey { get; set; } = isMap;

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
