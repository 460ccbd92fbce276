namespace GpuSlicingInfra.Cli.Output;

/// <summary>Wraps prose at spaces to a width, never inside a word (a word longer than the width gets a line of its own).</summary>
internal static class WordWrap
{
    /// <summary>The lines of <paramref name="text"/>: the first starts with <paramref name="first"/>, the rest with <paramref name="rest"/>.</summary>
    public static IEnumerable<string> Lines(string text, int width, string first = "", string rest = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = new System.Text.StringBuilder(first);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(rest);
                empty = true;
            }
            line.Append(empty ? "" : " ").Append(word);
            empty = false;
        }
        yield return line.ToString();
    }
}
