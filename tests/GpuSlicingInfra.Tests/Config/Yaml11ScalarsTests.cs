using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Tests.Config;

/// <summary>
/// Plain scalars gopkg.in/yaml.v2 (Pulumi's stack file reader) and YAML 1.2 read differently are refused;
/// the expected readings follow yaml.v2's resolve.go (resolveMapList, ParseInt base 0 without '_',
/// yamlStyleFloat, parseTimestamp) and the YAML 1.1 base-60 types.
/// </summary>
public sealed class Yaml11ScalarsTests
{
    [Theory]
    [InlineData("yes")] // yaml.v2: true
    [InlineData("No")] // yaml.v2: false
    [InlineData("ON")]
    [InlineData("off")]
    [InlineData("y")]
    [InlineData("N")]
    [InlineData("yEs")] // text in both, refused in any case so the rule is easy to state
    [InlineData("True")] // yaml.v2: true; this compiler's reader: text
    [InlineData("FALSE")]
    [InlineData("Null")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".NaN")]
    [InlineData("010")] // yaml.v2: octal 8; YAML 1.2: 10
    [InlineData("08")] // yaml.v2: float 8; YAML 1.2: 8
    [InlineData("0o10")] // yaml.v2: 8; YAML 1.2 core: 8, this reader: text
    [InlineData("0x1F")]
    [InlineData("0b101")]
    [InlineData("1_000")] // yaml.v2: 1000; YAML 1.2: text
    [InlineData("1e5")] // yaml.v2: text (the exponent needs a sign); YAML 1.2: 100000
    [InlineData("1.")]
    [InlineData(".5")] // Pulumi passes it back as "0.5"
    [InlineData("+.5")]
    [InlineData("-007")]
    [InlineData("1:20")] // YAML 1.1: 80
    [InlineData("190:20:30.15")]
    [InlineData("2025-01-31")] // yaml.v2: a timestamp, re-written by Pulumi's round trip
    [InlineData("2001-12-14t21:59:43.10-05:00")]
    public void Ambiguous_plain_scalars_are_refused(string text) => Assert.NotNull(Yaml11Scalars.Ambiguity(text));

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("null")]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("1.34")]
    [InlineData("0.5")]
    [InlineData("1e+5")]
    [InlineData("2.5E-3")]
    [InlineData("10m")]
    [InlineData("720h")]
    [InlineData("10%")]
    [InlineData("g4dn.xlarge")]
    [InlineData("al2023@v20251120")]
    [InlineData("arn:aws:iam::111122223333:role/admin")]
    [InlineData("10.0.0.0/16")]
    [InlineData("vpc-0123456789abcdef0")]
    [InlineData("_1")]
    [InlineData("2025")]
    public void Plain_scalars_both_versions_read_alike_are_accepted(string text) => Assert.Null(Yaml11Scalars.Ambiguity(text));

    [Theory]
    [InlineData("<<")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("1.5")]
    [InlineData("on")]
    [InlineData("010")]
    public void Keys_that_would_not_keep_their_text_are_refused(string key) => Assert.NotNull(Yaml11Scalars.KeyAmbiguity(key));

    [Theory]
    [InlineData("t4")]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("example.com/team")]
    public void Ordinary_keys_are_accepted(string key) => Assert.Null(Yaml11Scalars.KeyAmbiguity(key));
}
