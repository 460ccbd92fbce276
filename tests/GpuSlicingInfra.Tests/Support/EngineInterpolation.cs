using System.Text;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>
/// How the Pulumi YAML engine reads a string, written independently of the product's writer so it can
/// judge it: pulumi-yaml v1.38.1 <c>pkg/pulumiyaml/ast/interpolation.go</c> <c>parseInterpolate</c>
/// turns <c>$$</c> into <c>$</c>, starts an expression at <c>${</c>, and keeps any other <c>$</c>.
/// </summary>
internal static class EngineInterpolation
{
    /// <summary>The literal text the engine reads, or null when the string holds an expression.</summary>
    public static string? ReadLiteral(string text)
    {
        var literal = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            if (rest.StartsWith("$$", StringComparison.Ordinal))
            {
                literal.Append('$');
                rest = rest[2..];
            }
            else if (rest.StartsWith("${", StringComparison.Ordinal))
            {
                return null;
            }
            else
            {
                literal.Append(rest[0]);
                rest = rest[1..];
            }
        }
        return literal.ToString();
    }
}
