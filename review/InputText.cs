using System.Globalization;
using System.Text;

namespace GpuSlicingInfra.Review;

/// <summary>Input text made safe for one-line messages (also the stack layer's, which shares these).</summary>
internal static class InputText
{
    /// <summary>Text on one line.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ReplaceLineEndings(" ");
    }

    /// <summary>Control and line-break characters escaped, at most <paramref name="maxLength"/> characters.</summary>
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
}
