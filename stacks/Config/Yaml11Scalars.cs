using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>
/// Plain (unquoted) scalars that YAML 1.1 and YAML 1.2 read differently. The Pulumi CLI reads stack files
/// with gopkg.in/yaml.v2 (pulumi/pulumi <c>sdk/go/common/encoding/marshal.go</c>), a YAML 1.1 reader, and
/// round-trips the whole file through it (<c>workspace/loaders.go</c>, <c>LoadProjectStackBytes</c>), so
/// what <c>PULUMI_CONFIG</c> carries follows yaml.v2's <c>resolve.go</c>: <c>resolveMapList</c> (booleans
/// y/yes/on/n/no/off and capitalised true/false/null), <c>ParseInt(plain, 0, 64)</c> after dropping every
/// <c>_</c> (leading-zero octal, 0o/0x/0b prefixes), <c>yamlStyleFloat</c> (an exponent needs a sign) and
/// <c>parseTimestamp</c>. YAML 1.1 also defines base-60 numbers (<c>1:20</c>). The compiler reads YAML 1.2;
/// rather than guess which reading was meant, such scalars are refused and must be quoted.
/// </summary>
internal static partial class Yaml11Scalars
{
    /// <summary>Why <paramref name="text"/>, written plain, is ambiguous; null when both readings agree.</summary>
    public static string? Ambiguity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        if (lower is "y" or "n" or "yes" or "no" or "on" or "off")
        {
            return "YAML 1.1 (how Pulumi reads stack files) reads it as a boolean, YAML 1.2 as text";
        }
        if (lower is "true" or "false" or "null" && text != lower)
        {
            return "only the lowercase spelling is a boolean or null in every YAML reader";
        }
        if (lower is ".inf" or "+.inf" or "-.inf" or ".nan")
        {
            return "it is an infinite or not-a-number float, which config cannot hold";
        }
        if (Timestamp().IsMatch(text))
        {
            return "YAML 1.1 reads it as a timestamp and Pulumi rewrites it, YAML 1.2 reads text";
        }
        if (Sexagesimal().IsMatch(text))
        {
            return "YAML 1.1 reads it as a base-60 number, YAML 1.2 as text";
        }
        if (IsNumberInEitherReading(text) && !CanonicalNumber().IsMatch(text))
        {
            return "YAML 1.1 and YAML 1.2 read this number differently (leading zeros are octal in YAML 1.1, '_' is dropped, 0o/0x/0b are prefixes, an exponent needs a sign)";
        }
        return null;
    }

    /// <summary>Whether a plain map key would not keep its text through Pulumi's reading (merge keys, null, fractions).</summary>
    public static string? KeyAmbiguity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "<<")
        {
            return "YAML 1.1 reads '<<' as a merge key, YAML 1.2 as an ordinary key";
        }
        if (text is "" or "~" or "null")
        {
            return "a null map key";
        }
        return Ambiguity(text) ?? (CanonicalNumber().IsMatch(text) && !Integer().IsMatch(text)
            ? "a fractional number as a map key is rewritten by Pulumi's YAML 1.1 reading"
            : null);
    }

    private static bool IsNumberInEitherReading(string text) =>
        GoInteger().IsMatch(text.Replace("_", "", StringComparison.Ordinal)) && text[0] is not '_'
        || Yaml11Float().IsMatch(text.Replace("_", "", StringComparison.Ordinal)) && (char.IsAsciiDigit(text[0]) || text[0] is '+' or '-' or '.')
        || Yaml12Number().IsMatch(text);

    // The only numbers both readers take to the same value: no leading zeros, no '_', a signed exponent.
    [GeneratedRegex(@"\A[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+][0-9]+)?\z")]
    private static partial Regex CanonicalNumber();

    [GeneratedRegex(@"\A[-+]?(0|[1-9][0-9]*)\z")]
    private static partial Regex Integer();

    // Go's strconv.ParseInt with base 0 (and ParseUint), which yaml.v2 applies once '_' is removed.
    [GeneratedRegex(@"\A[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)\z")]
    private static partial Regex GoInteger();

    // yaml.v2's yamlStyleFloat, plus Go's ParseFloat for scalars starting with '.'.
    [GeneratedRegex(@"\A[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?\z")]
    private static partial Regex Yaml11Float();

    // What this compiler's YAML 1.2 reading takes as a number (YamlScalarTyping).
    [GeneratedRegex(@"\A[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\z")]
    private static partial Regex Yaml12Number();

    // yaml.v2 parseTimestamp: four digits and '-', then a date with an optional time.
    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?\z")]
    private static partial Regex Timestamp();

    // YAML 1.1 int and float, base 60.
    [GeneratedRegex(@"\A[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?\z")]
    private static partial Regex Sexagesimal();
}
