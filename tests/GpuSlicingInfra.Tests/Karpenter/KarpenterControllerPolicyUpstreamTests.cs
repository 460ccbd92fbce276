using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Karpenter;

/// <summary>
/// The controller's five managed policies against upstream's getting-started CloudFormation at the
/// release tag (aws/karpenter-provider-aws v1.14.1,
/// <c>website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml</c>; a copy
/// with its provenance in <c>../shared/upstream/karpenter/</c>). Statement by statement: the same actions,
/// the same resources and the same conditions, after naming the placeholders both sides share. The one
/// deliberate difference is applied in <see cref="Normalize"/>: the account in an EC2 ARN is this account
/// (upstream: <c>*</c>), since the controller launches only into its own account.
/// </summary>
public sealed partial class KarpenterControllerPolicyUpstreamTests
{
    /// <summary>Upstream policy name (without <c>-${ClusterName}</c>) → our logical name suffix.</summary>
    private static readonly Dictionary<string, string> Policies = new(StringComparer.Ordinal)
    {
        ["KarpenterControllerNodeLifecyclePolicy"] = "node-lifecycle",
        ["KarpenterControllerIAMIntegrationPolicy"] = "iam-integration",
        ["KarpenterControllerEKSIntegrationPolicy"] = "eks-integration",
        ["KarpenterControllerInterruptionPolicy"] = "interruption",
        ["KarpenterControllerResourceDiscoveryPolicy"] = "resource-discovery",
    };

    /// <summary>Only needed with the chart's <c>settings.enableZonalShift</c>, which the product leaves off.</summary>
    private const string OptionalPolicy = "KarpenterControllerZonalShiftPolicy";


    [Fact]
    public void Every_upstream_controller_policy_is_granted_statement_by_statement()
    {
        var upstream = UpstreamPolicies();
        Assert.Equal(Policies.Keys.Append(OptionalPolicy).Order(StringComparer.Ordinal), upstream.Keys.Order(StringComparer.Ordinal));
        var program = new ParsedProgram(ReviewFixtures.Shipped("dev").Program);
        var differences = new List<string>();

        foreach (var (upstreamName, suffix) in Policies)
        {
            var ours = Statements(ParsedProgram.Node(program.Resource($"karpenter-controller-{suffix}"), "properties.policy"));
            var theirs = upstream[upstreamName];
            Assert.Equal(theirs.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
            foreach (var (sid, statement) in theirs)
            {
                Compare(sid, "", statement, ours[sid], differences);
            }
        }

        Assert.True(differences.Count == 0, "Differences from upstream:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void The_instance_status_read_that_karpenter_1_12_requires_is_granted()
    {
        var program = new ParsedProgram(ReviewFixtures.Shipped("dev").Program);
        var statements = Statements(ParsedProgram.Node(program.Resource("karpenter-controller-resource-discovery"), "properties.policy"));

        Assert.Contains("ec2:DescribeInstanceStatus", Values(statements["AllowRegionalReadActions"]["Action"]));
    }

    private static void Compare(string sid, string path, JsonNode? theirs, JsonNode? ours, List<string> differences)
    {
        if (theirs is JsonObject theirObject && ours is JsonObject ourObject)
        {
            foreach (var key in theirObject.Select(p => p.Key).Union(ourObject.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                Compare(sid, path.Length == 0 ? key : $"{path}.{key}", theirObject[key], ourObject[key], differences);
            }
            return;
        }
        var want = Values(theirs);
        var got = Values(ours);
        if (!want.SetEquals(got))
        {
            differences.Add($"{sid} {path}: upstream [{string.Join(", ", want.Order())}] → ours [{string.Join(", ", got.Order())}]");
        }
    }

    /// <summary>A string or list of strings as a set; IAM treats both forms alike.</summary>
    private static HashSet<string> Values(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select(v => v!.GetValue<string>())],
        _ => [node.GetValue<string>()],
    };

    private static Dictionary<string, Dictionary<string, JsonObject>> UpstreamPolicies()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(RepoPaths.SharedFile("upstream/karpenter/cloudformation.yaml")))
        {
            stream.Load(reader);
        }
        var resources = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["Resources"];
        var policies = new Dictionary<string, Dictionary<string, JsonObject>>(StringComparer.Ordinal);
        foreach (var resource in resources.Children.Values.OfType<YamlMappingNode>())
        {
            if (((YamlScalarNode)resource["Type"]).Value != "AWS::IAM::ManagedPolicy")
            {
                continue;
            }
            var properties = (YamlMappingNode)resource["Properties"];
            var name = ((YamlScalarNode)properties["ManagedPolicyName"]).Value!.Replace("-${ClusterName}", "", StringComparison.Ordinal);
            var document = JsonNode.Parse(Normalize(((YamlScalarNode)properties["PolicyDocument"]).Value!))!;
            policies[name] = BySid((JsonArray)document["Statement"]!);
        }
        return policies;
    }

    private static Dictionary<string, JsonObject> Statements(YamlNode policy)
    {
        var statements = ParsedProgram.Node(policy, "fn::toJSON.Statement");
        var json = JsonNode.Parse(Normalize(TypedYaml.From(statements)!.ToJsonString()))!;
        return BySid((JsonArray)json);
    }

    private static Dictionary<string, JsonObject> BySid(JsonArray statements) =>
        statements.Select(s => (JsonObject)s!).ToDictionary(s => s["Sid"]!.GetValue<string>(), StringComparer.Ordinal);

    /// <summary>Names what both sides mean by their own placeholders, so only real differences remain.</summary>
    private static string Normalize(string text)
    {
        foreach (var (pattern, name) in new[]
        {
            (@"\$\{AWS::Partition\}|\$\{awsPartition\}", "{partition}"),
            (@"\$\{AWS::Region\}|\$\{awsRegion\}", "{region}"),
            (@"\$\{AWS::AccountId\}|\$\{awsAccountId\}", "{account}"),
            (@"\$\{ClusterName\}|gpu-slicing-dev", "{cluster}"),
            (@"\$\{KarpenterNodeRole\.Arn\}|\$\{karpenter-node-role\.arn\}", "{node-role-arn}"),
            (@"\$\{KarpenterInterruptionQueue\.Arn\}|\$\{karpenter-interruption-queue\.arn\}", "{queue-arn}"),
            (@"arn:\{partition\}:eks:\{region\}:\{account\}:cluster/\{cluster\}|\$\{cluster-eks\.eksCluster\.arn\}", "{cluster-arn}"),
        })
        {
            text = Regex.Replace(text, pattern, name);
        }
        // The account part of an EC2 ARN: upstream allows any account, ours only this one (see Deliberate).
        return Ec2AnyAccount().Replace(text, ":ec2:{region}:{account}:");
    }

    [GeneratedRegex(@":ec2:\{region\}:\*:")]
    private static partial Regex Ec2AnyAccount();
}
