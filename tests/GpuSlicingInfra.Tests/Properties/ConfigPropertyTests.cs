using System.Text.Json.Nodes;
using CsCheck;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Properties;

/// <summary>Property-based tests of the compiler over generated configs (fixed seed, 1,000 cases each).</summary>
public sealed class ConfigPropertyTests
{
    private static readonly Gen<(JsonObject Config, bool AsStackFile)> ValidCases = Gen.Select(ConfigGenerators.Valid, Gen.Bool);

    [Fact]
    public void Valid_configs_compile_to_programs_the_writer_round_trips()
    {
        PropertyRunner.ForAll(ValidCases, c =>
        {
            var program = StackProgram.Build(SettingsBinder.Bind(Load(c.Config, c.AsStackFile)));
            var yaml = ProgramWriter.Write(program);

            var parsed = new ParsedProgram(yaml);
            Assert.Equal(program.Resources.Select(r => r.Name), parsed.ResourceNames);
            foreach (var resource in program.Resources)
            {
                Assert.Equal(resource.Type, parsed.TypeOf(resource.Name));
                var expected = YamlModel.FromExpr(resource.Properties)!.ToJsonString();
                var actual = ParsedProgram.Has(parsed.Resource(resource.Name), "properties")
                    ? YamlModel.FromYaml(parsed.Resource(resource.Name)["properties"])!.ToJsonString()
                    : "{}";
                Assert.Equal(expected, actual);
            }
            Assert.Equal(yaml, ProgramWriter.Write(StackProgram.Build(SettingsBinder.Bind(Load(c.Config, c.AsStackFile)))));
        }, c => Print(c.Config));
    }

    [Fact]
    public void The_program_does_not_depend_on_map_order_or_on_the_config_source()
    {
        PropertyRunner.ForAll(Gen.Select(ConfigGenerators.Valid, Gen.Int), c =>
        {
            var expected = StackProgram.Compile(Load(c.Item1, asStackFile: true));
            var text = MapOrder.StackFile(StackFileReader.Parse("config: " + c.Item1.ToJsonString(), "prop", "prop"), new Random(c.Item2));
            var permuted = StackFileReader.Parse(text, "prop", "permuted");

            Assert.Equal(expected, StackProgram.Compile(permuted));
            Assert.Equal(expected, StackProgram.Compile(EnvironmentConfigReader.Parse("prop", PulumiConfigJson.From(permuted))));
        }, c => $"seed {c.Item2}: {Print(c.Item1)}");
    }

    [Fact]
    public void Invalid_configs_fail_with_a_problem_under_the_project_namespace()
    {
        PropertyRunner.ForAll(Gen.Select(ConfigGenerators.Invalid, Gen.Bool), c =>
        {
            var error = Assert.Throws<ConfigException>(() => StackProgram.Compile(Load(c.Item1, c.Item2)));
            Assert.Contains(error.Problems, p => p.KeyPath.StartsWith(ConfigGenerators.Prefix, StringComparison.Ordinal));
        }, c => Print(c.Item1));
    }

    [Fact]
    public void Junk_values_never_crash_the_compiler()
    {
        PropertyRunner.ForAll(Gen.Select(ConfigGenerators.WithJunk, Gen.Bool), c =>
        {
            try
            {
                _ = StackProgram.Compile(Load(c.Item1, c.Item2));
            }
            catch (ConfigException e)
            {
                Assert.NotEmpty(e.Problems);
            }
        }, c => Print(c.Item1));
    }

    [Fact]
    public void Random_yaml_text_never_crashes_the_stack_file_reader()
    {
        var yamlish = Gen.String[Gen.Char["abcz019:-,[]{}&*!|>'\"#%@`?~ \n\t\\.$"], 0, 80];
        PropertyRunner.ForAll(yamlish.Select(s => "config:\n  gpu-slicing-infra:x: " + s), text =>
        {
            try
            {
                _ = StackProgram.Compile(StackFileReader.Parse(text, "fuzz", "fuzz"));
            }
            catch (ConfigException)
            {
            }
        }, text => text);
    }

    // Stack files get the config as a JSON flow map (JSON is YAML); compiler mode gets Pulumi's string-valued JSON.
    private static StackConfig Load(JsonObject config, bool asStackFile)
    {
        var stackFile = StackFileReader.Parse("config: " + config.ToJsonString(), "prop", "prop");
        return asStackFile ? stackFile : EnvironmentConfigReader.Parse("prop", PulumiConfigJson.From(stackFile));
    }

    private static string Print(JsonObject config) => config.ToJsonString();
}

/// <summary>Normalizes the program model and parsed YAML into comparable JSON trees.</summary>
internal static class YamlModel
{
    public static JsonNode? FromExpr(Expr expr) => expr switch
    {
        LiteralExpr { Value: string s } => ScalarText.EscapeInterpolation(s),
        LiteralExpr { Value: null } => null,
        LiteralExpr { Value: bool b } => b,
        LiteralExpr { Value: long l } => l,
        LiteralExpr { Value: double d } => d,
        ListExpr list => new JsonArray([.. list.Items.Select(FromExpr)]),
        MapExpr map => Map(map.Entries.Select(e => (ScalarText.EscapeInterpolation(e.Key), FromExpr(e.Value)))),
        ReferenceExpr reference => "${" + reference.ToPathText() + "}",
        InterpolationExpr interpolation => string.Concat(interpolation.Parts.Select(p =>
            p is ReferenceExpr r ? "${" + r.ToPathText() + "}" : ScalarText.EscapeInterpolation((string)p))),
        FunctionExpr function => Map([("fn::" + function.Name, FromExpr(function.Argument))]),
        _ => throw new InvalidOperationException(expr.GetType().Name),
    };

    public static JsonNode? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode map => Map(map.Children.Select(c => (((YamlScalarNode)c.Key).Value!, FromYaml(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(FromYaml)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => scalar.Value switch
        {
            "null" => null,
            "true" => true,
            "false" => false,
            var v when long.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var l) => l,
            var v when double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
            var v => v,
        },
        YamlScalarNode scalar => scalar.Value,
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static JsonObject Map(IEnumerable<(string Key, JsonNode? Value)> entries)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in entries)
        {
            obj[key] = value;
        }
        return obj;
    }
}
