using GpuSlicingInfra.Components.Providers;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Components;

/// <summary>
/// What a Kubernetes upgrade and a first deployment need from the program's shape: node groups and add-ons
/// that follow the control plane, CRDs Helm will upgrade, releases that wait for the nodes they run on,
/// and provider functions on the pinned plugin.
/// </summary>
public sealed class UpgradeAndOrderingTests
{
    private const string ClusterVersion = "${cluster-eks.eksCluster.version}";

    public static TheoryData<string> Stacks() => ["dev", "prod"];

    private static ParsedProgram Program(string stack) => new(ReviewFixtures.Shipped(stack).Program);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Node_groups_with_a_launch_template_carry_the_cluster_version(string stack)
    {
        // pulumi-eks v4.3.0 nodejs/eks/nodes/nodegroup.ts defaults `version` only when there is no launch template.
        var program = Program(stack);
        var groups = program.NamesOfType("eks:ManagedNodeGroup").ToList();
        Assert.NotEmpty(groups);
        foreach (var group in groups.Select(program.Resource))
        {
            Assert.True(ParsedProgram.Has(group, "properties.launchTemplate"));
            Assert.Equal(ClusterVersion, ParsedProgram.Scalar(group, "properties.version"));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void CoreDns_kube_proxy_and_vpc_cni_are_managed_add_ons_whose_versions_follow_the_cluster(string stack)
    {
        var program = Program(stack);
        var cluster = program.Resource("cluster-eks");
        // pulumi-eks creates kube-proxy and vpc-cni as aws:eks:Addon, versions from getAddonVersion(cluster version).
        Assert.Equal("true", ParsedProgram.Scalar(cluster, "properties.kubeProxyAddonOptions.enabled"));
        Assert.False(ParsedProgram.Has(cluster, "properties.useDefaultVpcCni"));

        var coreDns = program.Resource("cluster-coredns");
        Assert.Equal("aws:eks:Addon", ParsedProgram.Scalar(coreDns, "type"));
        Assert.Equal("coredns", ParsedProgram.Scalar(coreDns, "properties.addonName"));
        var invoke = ParsedProgram.Node(coreDns, "properties.addonVersion.fn::invoke");
        Assert.Equal("aws:eks:getAddonVersion", ParsedProgram.Scalar(invoke, "function"));
        Assert.Equal(ClusterVersion, ParsedProgram.Scalar(invoke, "arguments.kubernetesVersion"));
        // CoreDNS cannot become ACTIVE before there is a node to run on.
        Assert.Contains("${system-nodes}", DependsOn(coreDns));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Karpenter_crds_are_a_release_of_their_own_installed_before_the_controller(string stack)
    {
        var program = Program(stack);
        var crds = program.Resource("karpenter-crd");
        var controller = program.Resource("karpenter-release");

        Assert.Equal("oci://public.ecr.aws/karpenter/karpenter-crd", ParsedProgram.Scalar(crds, "properties.chart"));
        Assert.Equal(ParsedProgram.Scalar(controller, "properties.version"), ParsedProgram.Scalar(crds, "properties.version"));
        Assert.Equal("true", ParsedProgram.Scalar(controller, "properties.skipCrds"));
        Assert.Contains("${karpenter-crd}", DependsOn(controller));
        var names = program.ResourceNames.ToList();
        Assert.True(names.IndexOf("karpenter-crd") < names.IndexOf("karpenter-release"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_device_plugin_release_waits_for_the_system_nodes_its_controllers_run_on(string stack)
    {
        var release = Program(stack).Resource("nvidia-device-plugin");

        Assert.Equal("true", ParsedProgram.Scalar(release, "properties.atomic"));
        Assert.Contains("${system-nodes}", DependsOn(release));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_karpenter_controller_requests_and_is_limited_to_upstreams_one_cpu_and_one_gib(string stack)
    {
        var resources = ParsedProgram.Node(Program(stack).Resource("karpenter-release"), "properties.values.controller.resources");

        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.Equal("1", ParsedProgram.Scalar(resources, $"{kind}.cpu"));
            Assert.Equal("1Gi", ParsedProgram.Scalar(resources, $"{kind}.memory"));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_provider_function_call_runs_on_the_pinned_plugin(string stack)
    {
        var invokes = Invokes(Program(stack).Root).ToList();

        Assert.True(invokes.Count >= 4, $"only {invokes.Count} fn::invoke calls found");
        foreach (var invoke in invokes)
        {
            var function = ParsedProgram.Scalar(invoke, "function");
            Assert.StartsWith("aws:", function, StringComparison.Ordinal);
            Assert.Equal(ProviderVersions.Aws, ParsedProgram.Scalar(invoke, "options.version"));
        }
    }

    private static IEnumerable<YamlMappingNode> Invokes(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(c =>
            ((YamlScalarNode)c.Key).Value == "fn::invoke" ? [(YamlMappingNode)c.Value] : Invokes(c.Value)),
        YamlSequenceNode list => list.Children.SelectMany(Invokes),
        _ => [],
    };

    private static List<string> DependsOn(YamlMappingNode resource) =>
        [.. ((YamlSequenceNode)ParsedProgram.Node(resource, "options.dependsOn")).Children.Select(c => ((YamlScalarNode)c).Value!)];
}
