using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GpuSlicingInfra.Review;

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

    /// <summary>Deepest nesting of maps and lists accepted in a stack file (as in every YAML input).</summary>
    public const int MaxDepth = YamlInput.MaxDepth;

    /// <summary>Most values a stack file may expand to (aliases included).</summary>
    public const int MaxNodes = 200_000;


    /// <summary>Whether <paramref name="name"/> can name a stack file (no paths).</summary>
    public static bool IsValidStackName(string name) => StackName().IsMatch(name) && name is not "." and not "..";

    /// <summary>
    /// Checks YAML text on its event stream before it is loaded (<see cref="YamlInput.Check"/>): size, nesting
    /// (aliases expanded), a key given twice in one map (YAML forbids it, and silently keeping one would hide a
    /// mistake) and the values aliases expand to.
    /// </summary>
    /// <exception cref="ConfigException">Syntax error, too large, too deep, a duplicate key or an alias bomb.</exception>
    public static void CheckYamlShape(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes)
        {
            throw new ConfigException(source, $"is larger than {MaxBytes / (1024 * 1024)} MiB; a stack file is a few KiB.");
        }
        try
        {
            YamlInput.Check(text, source);
        }
        catch (YamlInputException e)
        {
            throw new ConfigException(e.Input, e.Detail);
        }
    }

    /// <summary>Text on one line, for messages.</summary>
    public static string OneLine(string text) => InputText.OneLine(text);

    /// <summary>Text safe to echo in a one-line message: control and line-break characters escaped, at most <paramref name="maxLength"/> characters.</summary>
    public static string Printable(string text, int maxLength = 80) => InputText.Printable(text, maxLength);

    /// <summary>JSON parsing options for config: duplicate keys are errors, nesting is bounded.</summary>
    public static JsonDocumentOptions JsonOptions { get; } = new() { AllowDuplicateProperties = false, MaxDepth = MaxDepth };

    /// <summary>Parses JSON config text fully (so no error surfaces later, on first access).</summary>
    /// <exception cref="JsonException">Malformed, too deep, or a duplicate key.</exception>
    public static JsonNode? ParseJson(string text)
    {
        // With AllowDuplicateProperties = false the parse itself rejects a key given twice at any depth, so nothing
        // can throw later on first access (System.Text.Json 10, JsonDocument.Parse; ConfigJsonTests pins it).
        try
        {
            return JsonNode.Parse(text, documentOptions: JsonOptions);
        }
        catch (JsonException) when (JsonDuplicateKey.Find(text) is { } key)
        {
            throw new JsonException($"the key '{Printable(key, 200)}' is given twice");
        }
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_.-]{1,100}\z")]
    private static partial Regex StackName();
}
