using CsCheck;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Properties;

/// <summary>
/// Any string written by the program writer reads back as the same string: first through a YAML parser,
/// then through the Pulumi YAML engine's interpolation rule (<see cref="EngineInterpolation"/>).
/// </summary>
public sealed class WriterPropertyTests
{
    private static readonly Gen<string> Token = Gen.OneOf(
        Gen.Char.Where(c => !char.IsSurrogate(c)).Select(c => c.ToString()),
        Gen.Char[(char)0, (char)127].Select(c => c.ToString()),
        Gen.OneOf("$", "$$", "${", "${a.b}", "$${", "$$${", "}", "yes", "No", "null", "~", "true", "1.30", "0x1F", "0o17", ".inf", "-", "- ", "? ", ": ", " #",
            "#", "&a", "*a", "!tag", "|", ">", "'", "\"", "\\", "%", "@", "`", "---", "...", "\n", "\r\n", "\r", "\t", " ", "\u0085",
            "\u2028", "\u2029", "\uFEFF", "\u00A0", "é", "中文", "😀", "\u0000", "\u001B", "\u007F"));

    private static readonly Gen<string> Text = Token.List[0, 8].Select(string.Concat);

    [Fact]
    public void Strings_survive_write_then_parse_as_map_keys_values_and_list_items()
    {
        PropertyRunner.ForAll(Text, text =>
        {
            var yaml = ProgramWriter.WriteDocument(new MapExpr(
            [
                KeyValuePair.Create("value", Expr.Text(text)),
                KeyValuePair.Create(text.Length == 0 ? "empty" : text, Expr.Text("key")),
                KeyValuePair.Create("list", Expr.List([Expr.Text(text), Expr.Text(text)])),
            ]));

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var expected = ScalarText.EscapeInterpolation(text);
            Assert.Equal(expected, ((YamlScalarNode)root["value"]).Value);
            Assert.Equal(text, EngineInterpolation.ReadLiteral(((YamlScalarNode)root["value"]).Value!));
            Assert.Equal(expected, ((YamlScalarNode)((YamlSequenceNode)root["list"])[1]).Value);
            if (text.Length > 0)
            {
                Assert.Equal("key", ((YamlScalarNode)root[new YamlScalarNode(expected)]).Value);
            }
        }, text => string.Concat(text.Select(c => $"\\u{(int)c:x4}")));
    }
}
