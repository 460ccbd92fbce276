using System.Text.Json.Nodes;
using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Karpenter;

/// <summary>Every Karpenter object the program emits validates against the upstream v1.14.1 CRD schema.</summary>
public sealed class KarpenterCrdConformanceTests
{
    private static readonly Dictionary<string, (string File, string Version)> Crds = new(StringComparer.Ordinal)
    {
        ["NodePool"] = ("karpenter.sh_nodepools.yaml", "v1"),
        ["EC2NodeClass"] = ("karpenter.k8s.aws_ec2nodeclasses.yaml", "v1"),
        ["NodeOverlay"] = ("karpenter.sh_nodeoverlays.yaml", "v1alpha1"),
    };

    public static TheoryData<string> Programs => ["dev", "prod", "all-modes", "irsa-types", "no-eviction"];

    [Theory]
    [MemberData(nameof(Programs))]
    public void Every_emitted_karpenter_object_validates_against_its_upstream_crd(string programName)
    {
        var program = Load(programName);
        var objects = KarpenterObjects(program).ToList();

        Assert.NotEmpty(objects);
        foreach (var (name, kind, instance) in objects)
        {
            var (file, version) = Crds[kind];
            Assert.Equal(version, instance["apiVersion"]!.GetValue<string>().Split('/')[1]);
            var errors = CrdSchemas.Errors(CrdSchemas.Load(file, version), instance);
            Assert.True(errors.Count == 0, $"{name} ({kind}) does not match {file}:\n{string.Join('\n', errors)}");
        }
    }

    [Fact]
    public void All_three_kinds_are_covered()
    {
        var kinds = KarpenterObjects(Load("all-modes")).Select(o => o.Kind).ToHashSet();

        Assert.Equal(Crds.Keys.Order(), kinds.Order());
    }

    [Fact]
    public void The_schema_check_rejects_a_misspelled_field_and_a_bad_value()
    {
        var (_, _, pool) = KarpenterObjects(Load("all-modes")).First(o => o.Kind == "NodePool");
        pool["spec"]!["disruption"]!["consolidateAfer"] = "10m";
        pool["spec"]!["disruption"]!["consolidationPolicy"] = "Sometimes";

        var errors = CrdSchemas.Errors(CrdSchemas.Load("karpenter.sh_nodepools.yaml", "v1"), pool);

        Assert.Contains(errors, e => e.Contains("/spec/disruption", StringComparison.Ordinal));
        Assert.True(errors.Count >= 2, string.Join('\n', errors));
    }

    internal static ParsedProgram Load(string programName) => programName switch
    {
        "dev" or "prod" => new ParsedProgram(CliRunner.Run("synth", "--stack", programName).Stdout),
        "all-modes" => TestPrograms.Platform(TestPrograms.KarpenterPlatformArgs(
            TestPrograms.KarpenterPool("plain", KarpenterMode.Plain),
            TestPrograms.KarpenterPool("override", KarpenterMode.OverlayOverride, "g5.xlarge", "g5.12xlarge", "g5.48xlarge"),
            TestPrograms.KarpenterPool("shared", KarpenterMode.OverlayShared, "g4dn.xlarge", "g4dn.12xlarge"))),
        "irsa-types" => TestPrograms.Platform(TestPrograms.KarpenterPlatformArgs(
            TestPrograms.KarpenterPool("typed", KarpenterMode.OverlayOverride, "g6.xlarge", "g6.12xlarge") with
            {
                CapacityType = CapacityType.Spot,
                Karpenter = new()
                {
                    Mode = KarpenterMode.OverlayOverride,
                    InstanceSelection = KarpenterInstanceSelection.Types,
                    DisruptionBudget = "2",
                    ConsolidateAfter = TimeSpan.FromSeconds(90),
                },
            }) with
        {
            Karpenter = new KarpenterOptions { Enabled = true, Identity = KarpenterIdentity.Irsa, AmiAlias = "al2023@v20260610" },
        }),
        // Notebooks and long jobs: consolidation only removes empty nodes, or never runs (aws/karpenter-provider-aws#6330).
        "no-eviction" => TestPrograms.Platform(TestPrograms.KarpenterPlatformArgs(
            TestPrograms.KarpenterPool("notebooks", KarpenterMode.OverlayShared) with
            {
                Karpenter = new() { ConsolidationPolicy = KarpenterConsolidationPolicy.WhenEmpty },
            },
            TestPrograms.KarpenterPool("training", KarpenterMode.OverlayOverride) with
            {
                Karpenter = new() { Mode = KarpenterMode.OverlayOverride, ConsolidateAfter = Timeout.InfiniteTimeSpan },
            })),
        _ => throw new ArgumentOutOfRangeException(nameof(programName)),
    };

    internal static IEnumerable<(string Name, string Kind, JsonObject Instance)> KarpenterObjects(ParsedProgram program)
    {
        foreach (var name in program.NamesOfType("kubernetes:apiextensions.k8s.io:CustomResource"))
        {
            var properties = (JsonObject)TypedYaml.From(ParsedProgram.Node(program.Resource(name), "properties"))!;
            var kind = properties["kind"]!.GetValue<string>();
            if (Crds.ContainsKey(kind))
            {
                yield return (name, kind, properties);
            }
        }
    }
}
