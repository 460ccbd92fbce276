using System.Globalization;
using CsCheck;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Tests.Properties;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GpuSlicingInfra.Tests.Program;

/// <summary>
/// The program writer's YAML is YamlDotNet's: for generated trees of maps, lists, scalars of every awkward kind,
/// references, interpolations and function calls, <see cref="ProgramWriter.WriteDocument"/> prints exactly what
/// YamlDotNet's event emitter prints for the same events, with the settings the writer used before it wrote YAML itself
/// (best indent 2, unlimited width, indentless sequences, 1024-character simple keys, the style
/// <see cref="ScalarText.StyleFor"/> chose). The round trip through a YAML parser is <c>WriterPropertyTests</c>.
/// </summary>
public sealed class BlockYamlWriterTests
{
    private static readonly Gen<string> Token = Gen.OneOf(
        Gen.Char.Where(c => !char.IsSurrogate(c)).Select(c => c.ToString()),
        Gen.Char[(char)0, (char)127].Select(c => c.ToString()),
        Gen.OneOf("a", "key", "x y", "$", "${a.b}", "yes", "null", "1.30", "-", "- ", "? ", ": ", " #", "#", "&a", "*a", "!t",
            "|", ">", "'", "\"", "\\", "%", "@", "`", "---", "...", "\n", "\n\n", "\r\n", "\r", "\t", " ", "  ", "\u0085", "\u2028",
            "\u2029", "\uFEFF", "\u00A0", "é", "中文", "😀", "\u0000", "\u001B", "\u007F", "\uFFFE", "\uDC00"));

    private static readonly Gen<string> Text = Token.List[0, 8].Select(string.Concat);

    private static readonly Gen<string> Key = Gen.Frequency(
        (20, Text),
        (1, Gen.Int[1020, 1030].Select(n => new string('k', n))),
        (1, Gen.Int[1020, 1030].Select(n => new string('k', n - 1) + "\n")));

    private static readonly Gen<Expr> Leaf = Gen.Frequency(
        (8, Text.Select(Expr.Text)),
        (1, Gen.Long.Select(Expr.Number)),
        (1, Gen.Double.Select(Expr.Number)),
        (1, Gen.Bool.Select(Expr.Bool)),
        (1, Gen.Const(Expr.Null)),
        (1, Gen.Const<Expr>(new MapExpr([]))),
        (1, Gen.Const<Expr>(new ListExpr([]))),
        (1, Gen.OneOf("cluster", "a-b", "x").Select(root => (Expr)new ReferenceExpr(root).Property("outputs").Index(0))),
        (1, Text.Select(t => (Expr)InterpolationExpr.Of("pre ", new ReferenceExpr("r").Property("id"), t))));

    private static Gen<Expr> Node(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (2, Gen.Select(Key, Node(depth - 1), KeyValuePair.Create).List[1, 4].Select(e => (Expr)new MapExpr(e))),
            (2, Node(depth - 1).List[1, 4].Select(i => (Expr)new ListExpr(i))),
            (1, Node(depth - 1).Select(a => (Expr)new FunctionExpr("toJSON", a))));

    private static readonly Gen<MapExpr> Document =
        Gen.Select(Key, Node(3), KeyValuePair.Create).List[0, 5].Select(e => new MapExpr(e));

    [Fact]
    public void Generated_trees_print_byte_for_byte_what_the_YamlDotNet_emitter_prints()
    {
        PropertyRunner.ForAll(Document, document =>
            Assert.Equal(EmitterOracle.Write(document), ProgramWriter.WriteDocument(document)),
            document => EmitterOracle.Write(document));
    }

    [Theory]
    [InlineData("line one\nline two", "k: |-\n  line one\n  line two\n")]
    [InlineData("line one\n", "k: |\n  line one\n")]
    [InlineData("line one\n\n", "k: |+\n  line one\n\n")]
    [InlineData("a\n\nb", "k: |-\n  a\n\n  b\n")]
    [InlineData("a\n  \nb", "k: \"a\\n  \\nb\"\n")]
    [InlineData("a\nb ", "k: \"a\\nb \"\n")]
    [InlineData("tab\there", "k: \"tab\there\"\n")]
    [InlineData("bell\u0007 nel\u0085 ls\u2028 del\u007F", "k: \"bell\\a nel\\N ls\\L del\\x7F\"\n")]
    [InlineData("smile 😀", "k: \"smile \\U0001F600\"\n")]
    public void Scalars_take_the_style_and_escapes_a_YAML_reader_needs(string value, string expected) =>
        Assert.Equal(expected, ProgramWriter.WriteDocument(new MapExpr([KeyValuePair.Create("k", Expr.Text(value))])));

    [Fact]
    public void Nesting_follows_the_block_layout_of_Pulumi_programs()
    {
        var document = new MapExpr(
        [
            KeyValuePair.Create<string, Expr>("map", Expr.Map([KeyValuePair.Create("a", Expr.Number(1))])),
            KeyValuePair.Create("list", Expr.List([Expr.Map([KeyValuePair.Create("b", Expr.Bool(true)), KeyValuePair.Create("c", Expr.List([]))]), Expr.List([Expr.Text("x"), Expr.Text("z")])])),
            KeyValuePair.Create("call", Expr.ToJson(Expr.Map([]))),
            KeyValuePair.Create(new string('k', 1025), Expr.Text("v")),
        ]);

        Assert.Equal(
            "map:\n  a: 1\nlist:\n- b: true\n  c: []\n- - x\n  - z\ncall:\n  fn::toJSON: {}\n? " + new string('k', 1025) + "\n: v\n",
            ProgramWriter.WriteDocument(document));
    }

    [Fact]
    public void A_lone_high_surrogate_is_refused_rather_than_written_as_text_no_reader_accepts() =>
        Assert.Throws<InvalidOperationException>(() => ProgramWriter.WriteDocument(new MapExpr([KeyValuePair.Create("k", Expr.Text("a\uD800b"))])));

    /// <summary>The writer as it was: expressions as YamlDotNet events, emitted with fixed settings.</summary>
    private static class EmitterOracle
    {
        public static string Write(MapExpr document)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false,
                maxSimpleKeyLength: 1024, skipAnchorName: false, indentSequences: false, newLine: "\n"));
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart(null, null, isImplicit: true));
            Node(emitter, document);
            emitter.Emit(new DocumentEnd(isImplicit: true));
            emitter.Emit(new StreamEnd());
            return text.ToString();
        }

        private static void Node(IEmitter emitter, Expr expr)
        {
            switch (expr)
            {
                case LiteralExpr { Value: string s }:
                    Scalar(emitter, ScalarText.EscapeInterpolation(s));
                    break;
                case LiteralExpr literal:
                    emitter.Emit(new Scalar(null, null, literal.Value switch
                    {
                        null => "null",
                        bool b => b ? "true" : "false",
                        long l => l.ToString(CultureInfo.InvariantCulture),
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        _ => throw new InvalidOperationException(),
                    }, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                    break;
                case ListExpr list:
                    emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                    foreach (var item in list.Items)
                    {
                        Node(emitter, item);
                    }
                    emitter.Emit(new SequenceEnd());
                    break;
                case MapExpr map:
                    emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                    foreach (var (key, value) in map.Entries)
                    {
                        Scalar(emitter, ScalarText.EscapeInterpolation(key));
                        Node(emitter, value);
                    }
                    emitter.Emit(new MappingEnd());
                    break;
                case ReferenceExpr reference:
                    Scalar(emitter, "${" + reference.ToPathText() + "}");
                    break;
                case InterpolationExpr interpolation:
                    Scalar(emitter, string.Concat(interpolation.Parts.Select(p => p is ReferenceExpr r ? "${" + r.ToPathText() + "}" : ScalarText.EscapeInterpolation((string)p))));
                    break;
                case FunctionExpr function:
                    emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                    Scalar(emitter, "fn::" + function.Name);
                    Node(emitter, function.Argument);
                    emitter.Emit(new MappingEnd());
                    break;
                default:
                    throw new InvalidOperationException(expr.GetType().Name);
            }
        }

        private static void Scalar(IEmitter emitter, string text) =>
            emitter.Emit(new Scalar(null, null, text, ScalarText.StyleFor(text), isPlainImplicit: true, isQuotedImplicit: true));
    }
}
