using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>How a YAML scalar of a stack file becomes a typed JSON value.</summary>
internal static class YamlScalarTyping
{
    /// <summary>Plain scalars carry YAML 1.2 core-schema types; quoted and block scalars are always strings.</summary>
    public static JsonValue? ToJson(YamlScalarNode scalar)
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
        // Numbers beyond double's range stay text: JSON has no infinity, and the typed accessors report them.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && text.Any(char.IsDigit))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(text);
    }
}
