using Spectre.Console;
using Spectre.Console.Rendering;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>A report table's content, laid out by <see cref="Write"/> for the width at hand.</summary>
/// <param name="Title">The title.</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Cells, one array per row, as many as <paramref name="Columns"/>.</param>
internal sealed record ReportTable(string Title, string[] Columns, IReadOnlyList<string[]> Rows)
{
    /// <summary>The table of <paramref name="rows"/>.</summary>
    public ReportTable(string title, string[] columns, IEnumerable<string[]> rows)
        : this(title, columns, (IReadOnlyList<string[]>)[.. rows])
    {
    }

    // A table that fits is drawn as one; one that does not becomes a list, a block per row with one
    // "column: value" line each, wrapped at spaces: squeezing it further would split words and numbers.
    public static void Write(IAnsiConsole console, TextWriter writer, int columns, ReportTable data)
    {
        if (ColumnWidths(data, columns) is { } widths)
        {
            var table = new Table { Title = new TableTitle(Markup.Escape(TerminalText.Safe(data.Title))), Border = TableBorder.Rounded };
            for (var i = 0; i < data.Columns.Length; i++)
            {
                table.AddColumn(new TableColumn(Text(data.Columns[i])).Width(widths[i]));
            }
            foreach (var row in data.Rows)
            {
                table.AddRow(row.Select(c => (IRenderable)Text(c)).ToArray());
            }
            console.Write(table);
            return;
        }
        foreach (var line in WordWrap.Lines(TerminalText.Safe(data.Title), columns))
        {
            writer.WriteLine(line);
        }
        foreach (var row in data.Rows)
        {
            writer.WriteLine(TerminalText.Safe($"  {data.Columns[0]}: {row[0]}"));
            for (var i = 1; i < data.Columns.Length; i++)
            {
                if (row[i].Length > 0)
                {
                    foreach (var line in WordWrap.Lines(TerminalText.Safe($"{data.Columns[i]}: {row[i]}"), columns, "    ", "      "))
                    {
                        writer.WriteLine(line);
                    }
                }
            }
        }
    }

    // Each column gets a fixed width between its longest word (cells and header wrap at spaces) and its
    // widest cell; the widest prose columns give way first. Left to itself, Spectre shrinks columns below
    // their words and splits them. Null when even the longest words do not fit.
    private static int[]? ColumnWidths(ReportTable data, int columns)
    {
        var cells = data.Columns.Select((c, i) => data.Rows.Select(r => TerminalText.Safe(r[i])).ToList()).ToArray();
        // Counts and amounts ("2 / 3 / 6", "$1,151.94") are one unit, never wrapped; prose wraps at spaces.
        var least = data.Columns.Select((c, i) => cells[i].Select(t => t.Any(char.IsLetter) ? LongestWord(t) : t.Length).Append(LongestWord(c)).Max()).ToArray();
        var widths = cells.Select((column, i) => column.Select(c => c.Length).Append(least[i]).Max()).ToArray();
        var available = columns - 1 - (3 * widths.Length);
        if (least.Sum() > available)
        {
            return null;
        }
        while (widths.Sum() > available)
        {
            var widest = Enumerable.Range(0, widths.Length).MaxBy(i => widths[i] - least[i]);
            widths[widest]--;
        }
        return widths;
    }

    private static int LongestWord(string text) => text.Split(' ').Max(w => w.Length);

    // Names and values come from the program: control characters are escaped.
    private static Text Text(string value) => new(TerminalText.Safe(value));
}
