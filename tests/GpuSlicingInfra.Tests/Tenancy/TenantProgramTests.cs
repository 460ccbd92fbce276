using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Tenancy;

/// <summary>
/// The objects the fixture stack 'tenants' compiles to (two tenants on one shared pool; the conformance test checks
/// them against @pulumi/kubernetes): namespaces, requests.* quotas, one policy per tenant bound to its namespace.
/// </summary>
public sealed class TenantProgramTests
{
    [Fact]
    public void Each_tenant_gets_its_namespace_quota_policy_and_binding()
    {
        var program = TenantFixture.Program;

        Assert.Equal(
            ["tenant-research-namespace", "tenant-research-policy", "tenant-research-policy-binding", "tenant-research-quota",
             "tenant-serving-namespace", "tenant-serving-policy", "tenant-serving-policy-binding", "tenant-serving-quota"],
            program.ResourceNames.Where(n => n.StartsWith("tenant-r", StringComparison.Ordinal) || n.StartsWith("tenant-s", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var ns = program.Resource("tenant-research-namespace");
        Assert.Equal(("research-lab", "research", "shared,mps", "research@example.com"),
            (ParsedProgram.Scalar(ns, "properties.metadata.name"), ParsedProgram.Scalar(ns, "properties.metadata.labels.gpu-slicing-infra/tenant"),
             ParsedProgram.Scalar(ns, "properties.metadata.annotations.gpu-slicing-infra/pools"), ParsedProgram.Scalar(ns, "properties.metadata.annotations.owner")));
    }

    [Fact]
    public void Quotas_are_requests_items_of_the_extended_resources()
    {
        // Extended resources only take requests.<name> quota items (Kubernetes docs, "Resource Quotas").
        var quota = TenantFixture.Program.Resource("tenant-research-quota");
        var hard = (YamlMappingNode)ParsedProgram.Node(quota, "properties.spec.hard");

        Assert.Equal("research-lab", ParsedProgram.Scalar(quota, "properties.metadata.namespace"));
        Assert.Equal(["requests.nvidia.com/gpu:8", "requests.nvidia.com/gpu.shared:12"],
            hard.Children.Select(e => $"{e.Key}:{e.Value}"));
    }

    [Fact]
    public void The_binding_scopes_the_policy_to_the_tenants_namespace_with_the_stacks_actions()
    {
        var binding = TenantFixture.Program.Resource("tenant-research-policy-binding");

        Assert.Equal("gpu-slicing-infra-tenant-research", ParsedProgram.Scalar(binding, "properties.spec.policyName"));
        Assert.Equal("gpu-slicing-infra-tenant-research", ParsedProgram.Scalar(TenantFixture.Program.Resource("tenant-research-policy"), "properties.metadata.name"));
        var labels = (YamlMappingNode)ParsedProgram.Node(binding, "properties.spec.matchResources.namespaceSelector.matchLabels");
        Assert.Equal(["kubernetes.io/metadata.name:research-lab"], labels.Children.Select(e => $"{e.Key}:{e.Value}"));
        Assert.Equal(["Deny"], ((YamlSequenceNode)ParsedProgram.Node(binding, "properties.spec.validationActions")).Select(n => n.ToString()));
    }

    [Fact]
    public void The_policy_holds_the_tenants_pool_facts_derived_from_their_profiles()
    {
        var variables = ((YamlSequenceNode)ParsedProgram.Node(TenantFixture.Program.Resource("tenant-research-policy"), "properties.spec.variables"))
            .Cast<YamlMappingNode>().ToDictionary(v => ParsedProgram.Scalar(v, "name"), v => ParsedProgram.Scalar(v, "expression"));

        Assert.Equal("['shared', 'mps']", variables["allowedPools"]);
        // shared renames (ts-4-shared); mps does not, and MPS fails requests above one slice by default.
        Assert.Equal("{'shared': ['nvidia.com/gpu.shared'], 'mps': ['nvidia.com/gpu']}", variables["poolResources"]);
        Assert.Equal("['mps']", variables["oneSlicePools"]);
    }

    [Fact]
    public void Priority_classes_let_latency_sensitive_work_preempt_batch_but_never_the_reverse()
    {
        var program = TenantFixture.Program;
        var latency = program.Resource("tenant-gpu-latency-sensitive");
        var batch = program.Resource("tenant-gpu-batch");

        Assert.Equal(("PreemptLowerPriority", "Never"),
            (ParsedProgram.Scalar(latency, "properties.preemptionPolicy"), ParsedProgram.Scalar(batch, "properties.preemptionPolicy")));
        Assert.True(int.Parse(ParsedProgram.Scalar(latency, "properties.value"), System.Globalization.CultureInfo.InvariantCulture)
            > int.Parse(ParsedProgram.Scalar(batch, "properties.value"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_stack_without_tenants_has_no_tenancy_objects()
    {
        var program = new ParsedProgram(ReviewFixtures.Shipped("dev").Program);

        Assert.DoesNotContain(program.ResourceNames, n => n.StartsWith("tenant-", StringComparison.Ordinal));
    }
}
