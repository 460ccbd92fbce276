using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// Writes an expression tree as one block-style YAML document, two spaces an indentation level, sequences under a
/// mapping key not indented, empty collections as <c>{}</c> and <c>[]</c>, each scalar in the style
/// <see cref="ScalarText.StyleFor"/> gives it. The layout is the one YamlDotNet's emitter produces with the settings the
/// program writer used before (best indent 2, unlimited width, indentless sequences), byte for byte:
/// <c>BlockYamlWriterTests</c> compares the two on generated trees. Written directly because the compiler runs on every
/// Pulumi command and the event-based emitter was a third of a small stack's compile (bench/README.md, "Fourth pass").
/// </summary>
internal sealed class BlockYamlWriter
{
    private const int IndentStep = 2;

    // YAML 1.2 (section 7.4.2, "ns-s-block-map-implicit-key"): an implicit key is one line of at most 1024 characters;
    // anything else is written as an explicit "? key" entry, as YamlDotNet's emitter measures it (UTF-16 units).
    private const int MaxImplicitKeyLength = 1024;

    private readonly StringBuilder _text;
    private bool _atLineStart = true;

    private BlockYamlWriter(StringBuilder text) => _text = text;

    /// <summary>The document's text, ending with a line break.</summary>
    /// <exception cref="InvalidOperationException">An expression kind or literal type YAML output does not support, or a
    /// string holding a high surrogate without its low surrogate.</exception>
    public static string Write(MapExpr document, int expectedLength)
    {
        var writer = new BlockYamlWriter(new StringBuilder(expectedLength));
        if (document.Entries.Count == 0)
        {
            writer._text.Append("{}\n");
        }
        else
        {
            writer.WriteEntries(document, 0);
        }
        return writer._text.ToString();
    }

    // A node after "key:" of a mapping at `column` (afterKey: a collection goes on the next lines, a mapping one level
    // in and a sequence at the key's column) or after a one-character indicator at `column` ("-", "?", or the ":" of
    // an explicit key: a collection starts on the same line, one level in).
    private void WriteNode(Expr node, int column, bool afterKey)
    {
        switch (Shape(node))
        {
            case MapExpr { Entries.Count: > 0 } map:
                if (afterKey)
                {
                    EndLine();
                }
                WriteEntries(map, column + IndentStep);
                break;
            case ListExpr { Items.Count: > 0 } list:
                if (afterKey)
                {
                    EndLine();
                }
                WriteItems(list, afterKey ? column : column + IndentStep);
                break;
            default:
                WriteLeaf(node, column + IndentStep, leadingSpace: true);
                break;
        }
    }

    private void WriteEntries(MapExpr map, int column)
    {
        foreach (var (key, value) in map.Entries)
        {
            StartNode(column);
            var text = ScalarText.EscapeInterpolation(key);
            if (IsImplicitKey(text))
            {
                WriteText(text, column + IndentStep, leadingSpace: false);
                _text.Append(':');
                WriteNode(value, column, afterKey: true);
            }
            else
            {
                _text.Append('?');
                WriteText(text, column + IndentStep, leadingSpace: true);
                EndLine();
                StartNode(column);
                _text.Append(':');
                WriteNode(value, column, afterKey: false);
            }
        }
    }

    private void WriteItems(ListExpr list, int column)
    {
        foreach (var item in list.Items)
        {
            StartNode(column);
            _text.Append('-');
            WriteNode(item, column, afterKey: false);
        }
    }

    // A scalar, an empty collection or an expression written as text, then the end of its line.
    private void WriteLeaf(Expr node, int blockColumn, bool leadingSpace)
    {
        switch (Shape(node))
        {
            case MapExpr:
                Space(leadingSpace).Append("{}");
                break;
            case ListExpr:
                Space(leadingSpace).Append("[]");
                break;
            case LiteralExpr { Value: string s }:
                WriteText(ScalarText.EscapeInterpolation(s), blockColumn, leadingSpace);
                break;
            case LiteralExpr literal:
                Space(leadingSpace).Append(NonStringLiteral(literal.Value));
                break;
            case ReferenceExpr reference:
                WriteText(reference.ToExpressionText(), blockColumn, leadingSpace);
                break;
            case InterpolationExpr interpolation:
                WriteText(Interpolate(interpolation), blockColumn, leadingSpace);
                break;
            default:
                throw new InvalidOperationException($"Unsupported expression {node.GetType().Name}.");
        }
        EndLine();
    }

    // A function call is the one-entry mapping "fn::<name>: argument" (pulumi-yaml pkg/pulumiyaml/ast/expr.go).
    private static Expr Shape(Expr node) =>
        node is FunctionExpr function ? new MapExpr([KeyValuePair.Create("fn::" + function.Name, function.Argument)]) : node;

    private static string NonStringLiteral(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unsupported literal {value.GetType().Name}."),
    };

    // Text in the style ScalarText gives it; a literal block's lines at `blockColumn`.
    private void WriteText(string text, int blockColumn, bool leadingSpace)
    {
        switch (ScalarText.StyleFor(text))
        {
            case ScalarStyle.Plain:
                Space(leadingSpace).Append(text);
                break;
            case ScalarStyle.Literal:
                WriteLiteral(text, blockColumn, leadingSpace);
                break;
            default:
                Space(leadingSpace);
                ScalarText.AppendDoubleQuoted(_text, text);
                break;
        }
    }

    // "|" with the chomping indicator, then each line at `column`; empty lines carry no indentation.
    private void WriteLiteral(string text, int column, bool leadingSpace)
    {
        Space(leadingSpace).Append('|');
        var endsWithBreak = text[^1] == '\n';
        if (!endsWithBreak)
        {
            _text.Append('-');
        }
        else if (text.Length >= 2 && text[^2] == '\n')
        {
            _text.Append('+');
        }
        _text.Append('\n');
        var lineStart = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lineStart = true;
            }
            else if (lineStart)
            {
                _text.Append(' ', column);
                lineStart = false;
            }
            _text.Append(c);
        }
        _atLineStart = endsWithBreak;
    }

    private static bool IsImplicitKey(string text) =>
        text.Length <= MaxImplicitKeyLength && text.AsSpan().IndexOfAny(ScalarText.LineBreaks) < 0;

    private void StartNode(int column)
    {
        if (_atLineStart)
        {
            _text.Append(' ', column);
            _atLineStart = false;
        }
        else
        {
            _text.Append(' ');
        }
    }

    private StringBuilder Space(bool leadingSpace) => leadingSpace ? _text.Append(' ') : _text;

    private void EndLine()
    {
        if (!_atLineStart)
        {
            _text.Append('\n');
            _atLineStart = true;
        }
    }

    private static string Interpolate(InterpolationExpr interpolation)
    {
        var text = new StringBuilder();
        foreach (var part in interpolation.Parts)
        {
            text.Append(part is ReferenceExpr r ? r.ToExpressionText() : ScalarText.EscapeInterpolation((string)part));
        }
        return text.ToString();
    }
}
