using System.Globalization;
using System.Text;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>Text as it may appear in the HTML plan: every user string goes through <see cref="Encode"/>.</summary>
internal static class PlanHtmlText
{
    /// <summary>
    /// HTML-encodes text for element content and quoted attribute values alike: the five characters HTML gives meaning
    /// to become references; control characters (but tab and newline), which HTML forbids, become U+FFFD.
    /// </summary>
    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                '\t' or '\n' => builder.Append(c),
                _ when char.IsControl(c) => builder.Append('\uFFFD'),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }

    /// <summary>A number for SVG coordinates: invariant culture, so a comma never ends up in an attribute.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An integer, invariant culture.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
