using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Program;

public sealed class ProgramWriterTests
{
    [Theory]
    [InlineData("on")]
    [InlineData("off")]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("1.30")]
    [InlineData("0777")]
    [InlineData("1e3")]
    [InlineData(".inf")]
    [InlineData("")]
    [InlineData(" leading space")]
    [InlineData("key: value")]
    [InlineData("a #comment")]
    [InlineData("- dash")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("@at")]
    [InlineData("'quoted'")]
    [InlineData("\"double\"")]
    [InlineData("[list]")]
    [InlineData("{map}")]
    [InlineData("trailing:")]
    [InlineData("tab\there")]
    [InlineData("multi\nline\n")]
    [InlineData("plain-text")]
    [InlineData("arn:aws:iam::123456789012:role/x")]
    public void Literal_strings_read_back_as_the_same_string(string text)
    {
        var yaml = ProgramWriter.WriteDocument(Expr.Map([KeyValuePair.Create("value", Expr.Text(text))]));

        var node = (YamlScalarNode)ParsedProgram.Node(Load(yaml), "value");
        Assert.Equal(text, node.Value);
        if (IsAmbiguous(text))
        {
            Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, node.Style);
        }
    }

    [Fact]
    public void A_literal_dollar_brace_is_escaped_so_Pulumi_does_not_interpolate_it()
    {
        var yaml = ProgramWriter.WriteDocument(Expr.Map([KeyValuePair.Create("value", Expr.Text("echo ${HOME}"))]));

        Assert.Contains("echo $${HOME}", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("echo ${HOME}", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cost $5", "cost $$5")]
    [InlineData("cost $$5", "cost $$$$5")]
    [InlineData("a$${b}", "a$$$${b}")]
    [InlineData("ends with $", "ends with $$")]
    public void Every_literal_dollar_is_doubled_because_the_engine_reads_double_dollar_as_one(string text, string written)
    {
        var root = Load(ProgramWriter.WriteDocument(Expr.Map([KeyValuePair.Create("value", Expr.Text(text))])));

        Assert.Equal(written, ParsedProgram.Scalar(root, "value"));
        Assert.Equal(text, EngineInterpolation.ReadLiteral(written));
    }

    [Fact]
    public void Literal_parts_of_an_interpolation_double_their_dollars_and_references_stay_live()
    {
        var root = Load(ProgramWriter.WriteDocument(Expr.Map(
            [KeyValuePair.Create<string, Expr>("text", InterpolationExpr.Of("$5 for ", new ReferenceExpr("pool").Property("name")))])));

        Assert.Equal("$$5 for ${pool.name}", ParsedProgram.Scalar(root, "text"));
    }

    [Fact]
    public void References_and_interpolations_are_written_as_pulumi_expressions()
    {
        var reference = new ReferenceExpr("cluster").Property("eksCluster").Property("name");
        var yaml = ProgramWriter.WriteDocument(Expr.Map(
        [
            KeyValuePair.Create<string, Expr>("ref", reference),
            KeyValuePair.Create<string, Expr>("indexed", new ReferenceExpr("vpc").Property("privateSubnetIds").Index(0)),
            KeyValuePair.Create<string, Expr>("dotted", new ReferenceExpr("obj").Property("key.with.dots")),
            KeyValuePair.Create<string, Expr>("text", InterpolationExpr.Of("arn:${literal}:", reference, "/x")),
        ]));

        var root = Load(yaml);
        Assert.Equal("${cluster.eksCluster.name}", ParsedProgram.Scalar(root, "ref"));
        Assert.Equal("${vpc.privateSubnetIds[0]}", ParsedProgram.Scalar(root, "indexed"));
        Assert.Equal("${obj[\"key.with.dots\"]}", ParsedProgram.Scalar(root, "dotted"));
        Assert.Equal("arn:$${literal}:${cluster.eksCluster.name}/x", ParsedProgram.Scalar(root, "text"));
    }

    [Fact]
    public void Builtin_functions_are_single_key_maps()
    {
        var yaml = ProgramWriter.WriteDocument(Expr.Map(
        [
            KeyValuePair.Create("json", Expr.ToJson(Expr.Map([KeyValuePair.Create("a", Expr.Number(1))]))),
            KeyValuePair.Create("secret", Expr.Secret(new ReferenceExpr("x"))),
            KeyValuePair.Create("invoke", AwsFunctions.AccountId()),
        ]));

        var root = Load(yaml);
        Assert.Equal("1", ParsedProgram.Scalar(root, "json.fn::toJSON.a"));
        Assert.Equal("${x}", ParsedProgram.Scalar(root, "secret.fn::secret"));
        Assert.Equal("aws:getCallerIdentity", ParsedProgram.Scalar(root, "invoke.fn::invoke.function"));
        Assert.Equal("accountId", ParsedProgram.Scalar(root, "invoke.fn::invoke.return"));
    }

    [Fact]
    public void Resource_options_are_written_under_options_with_the_pinned_version()
    {
        var program = new PulumiProgram("p", []);
        var key = new KmsKey(program, "key", new KmsKeyArgs { Description = "k" });
        _ = new KmsKey(program, "other", new KmsKeyArgs(), new ResourceOptions
        {
            DependsOn = [key],
            Protect = true,
            RetainOnDelete = true,
            DeleteBeforeReplace = true,
            IgnoreChanges = ["tags"],
            Aliases = [new ResourceAlias("old-name")],
            CustomTimeouts = new CustomTimeouts(Create: "30m"),
        });

        var parsed = new ParsedProgram(ProgramWriter.Write(program));
        var options = ParsedProgram.Node(parsed.Resource("other"), "options");
        Assert.Equal("${key}", ParsedProgram.Scalar(options, "dependsOn.0"));
        Assert.Equal("true", ParsedProgram.Scalar(options, "protect"));
        Assert.Equal("true", ParsedProgram.Scalar(options, "retainOnDelete"));
        Assert.Equal("true", ParsedProgram.Scalar(options, "deleteBeforeReplace"));
        Assert.Equal("tags", ParsedProgram.Scalar(options, "ignoreChanges.0"));
        Assert.Equal("old-name", ParsedProgram.Scalar(options, "aliases.0.name"));
        Assert.Equal("30m", ParsedProgram.Scalar(options, "customTimeouts.create"));
        Assert.Equal("7.48.0", ParsedProgram.Scalar(options, "version"));
        Assert.False(ParsedProgram.Has(parsed.Resource("other"), "properties"));
    }

    [Fact]
    public void Config_declarations_variables_and_outputs_are_written()
    {
        var program = new PulumiProgram("p", [], "desc");
        var token = program.DeclareConfig<string>("apiToken", new ConfigDeclaration("string", Secret: true));
        var account = program.AddVariable<string>("account", AwsFunctions.AccountId());
        program.AddOutput("token", Expr.Secret(token));
        program.AddOutput("account", account);

        var parsed = new ParsedProgram(ProgramWriter.Write(program));
        Assert.Equal("string", ParsedProgram.Scalar(parsed.Root, "config.apiToken.type"));
        Assert.Equal("true", ParsedProgram.Scalar(parsed.Root, "config.apiToken.secret"));
        Assert.Equal("aws:getCallerIdentity", ParsedProgram.Scalar(parsed.Root, "variables.account.fn::invoke.function"));
        Assert.Equal("${apiToken}", ParsedProgram.Scalar(parsed.Root, "outputs.token.fn::secret"));
        Assert.Equal("${account}", ParsedProgram.Scalar(parsed.Root, "outputs.account"));
    }

    [Fact]
    public void Names_are_unique_across_resources_variables_and_config()
    {
        var program = new PulumiProgram("p", []);
        _ = new KmsKey(program, "key", new KmsKeyArgs());

        var error = Assert.Throws<InvalidOperationException>(() => program.AddVariable<string>("key", Expr.Text("x")));
        Assert.Contains("'key'", error.Message, StringComparison.Ordinal);
    }

    private static bool IsAmbiguous(string text) => text is "on" or "off" or "yes" or "No" or "true" or "null" or "~" or "1.30" or "0777" or "1e3" or ".inf" or "";

    private static YamlMappingNode Load(string yaml) => ParsedProgram.LoadMap(yaml);
}
