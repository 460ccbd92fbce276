using GpuSlicingInfra.Review.Policy;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Review;

/// <summary>
/// Each policy rule catches its violation in the emitted program. Config validation already refuses most
/// of these, so the fixtures edit the compiled dev or prod program: the rules must catch what is emitted.
/// </summary>
public sealed class PolicyRuleTests
{
    private static IReadOnlyList<PolicyFinding> Check(string stack, Func<string, string> edit)
    {
        var (settings, program) = ReviewFixtures.Shipped(stack);
        return PolicyRules.Run(ReviewFixtures.Policy(settings, edit(program)));
    }

    private static string Edit(string program, string find, string replace) => ReviewFixtures.Edit(program, find, replace);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Shipped_stacks_have_no_policy_errors(string stack)
    {
        Assert.DoesNotContain(Check(stack, p => p), f => f.Severity == PolicySeverity.Error);
    }

    // Edits text inside one resource's block only (from its key to the next top-level resource key).
    private static string EditIn(string program, string resource, string find, string replace)
    {
        var header = $"\n  {resource}:\n";
        var start = program.IndexOf(header, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no resource {resource}");
        var body = start + header.Length;
        var next = System.Text.RegularExpressions.Regex.Match(program[body..], @"\n(  [^ \n][^\n]*:\n|outputs:)");
        var end = next.Success ? body + next.Index : program.Length;
        return program[..body] + Edit(program[body..end], find, replace) + program[end..];
    }

    private const string NodeGroupGpuTaint = "      taints:\n      - effect: NO_SCHEDULE\n        key: nvidia.com/gpu\n        value: \"true\"\n";
    private const string NodePoolGpuTaint = "            - effect: NoSchedule\n              key: nvidia.com/gpu\n              value: \"true\"\n";

    [Fact]
    public void GSI001_an_untainted_gpu_node_group_is_an_error()
    {
        var findings = Check("prod", p => EditIn(p, "gpu-training-a10g-nodes", NodeGroupGpuTaint, ""));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI001");
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Equal("gpu-slicing-infra:gpuPools.training-a10g", finding.KeyPath);
        Assert.Equal("gpu-training-a10g-nodes", finding.Resource);
    }

    [Fact]
    public void GSI001_a_nodepool_without_the_gpu_taint_is_an_error_even_with_the_shared_taint()
    {
        // dev's overlay-shared NodePool keeps its nvidia.com/gpu.shared taint; only nvidia.com/gpu goes.
        var findings = Check("dev", p => EditIn(p, "karpenter-nodepool-t4", NodePoolGpuTaint, ""));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI001");
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Equal("gpu-slicing-infra:gpuPools.t4", finding.KeyPath);
        Assert.Equal("karpenter-nodepool-t4", finding.Resource);
    }

    [Fact]
    public void GSI002_optional_imds_tokens_and_a_high_hop_limit_are_errors()
    {
        var findings = Check("prod", p => EditIn(Edit(p, "httpTokens: required", "httpTokens: optional"),
            "gpu-inference-t4-launch-template", "httpPutResponseHopLimit: 1", "httpPutResponseHopLimit: 3"));

        var imds = findings.Where(f => f.RuleId == "GSI002").ToList();
        // tokens on three launch templates and the EC2NodeClass; hop limit on the inference template
        Assert.Equal(5, imds.Count);
        Assert.All(imds, f => Assert.Equal(PolicySeverity.Error, f.Severity));
        Assert.Contains(imds, f => f.Message.Contains("CKV_AWS_79", StringComparison.Ordinal) && f.KeyPath == "gpu-slicing-infra:cluster");
        Assert.Contains(imds, f => f.Message.Contains("CKV_AWS_79", StringComparison.Ordinal) && f.Resource == "karpenter-nodeclass-inference-t4"
            && f.KeyPath == "gpu-slicing-infra:gpuPools.inference-t4");
        Assert.Contains(imds, f => f.Message.Contains("CKV_AWS_341", StringComparison.Ordinal) && f.KeyPath == "gpu-slicing-infra:gpuPools.inference-t4"
            && f.Resource == "gpu-inference-t4-launch-template");
    }

    [Theory]
    [InlineData("2", PolicySeverity.Warning)]
    [InlineData("3", PolicySeverity.Error)]
    public void GSI002_an_ec2nodeclass_hop_limit_above_1_is_a_warning_at_2_and_an_error_above(string hops, PolicySeverity severity)
    {
        var findings = Check("dev", p => EditIn(p, "karpenter-nodeclass-t4", "httpPutResponseHopLimit: 1", $"httpPutResponseHopLimit: {hops}"));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI002");
        Assert.Equal(severity, finding.Severity);
        Assert.Equal("karpenter-nodeclass-t4", finding.Resource);
        Assert.Equal("gpu-slicing-infra:gpuPools.t4", finding.KeyPath);
    }

    [Fact]
    public void GSI003_nodes_in_public_subnets_are_an_error()
    {
        var findings = Check("prod", p => Edit(p, "      subnetIds: ${network-vpc.privateSubnetIds}", "      subnetIds: ${network-vpc.publicSubnetIds}"));

        Assert.Equal(["gpu-inference-t4-nodes", "gpu-training-a10g-nodes", "system-nodes"],
            findings.Where(f => f.RuleId == "GSI003").Select(f => f.Resource).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GSI003_an_ec2nodeclass_selecting_subnets_by_id_is_an_error()
    {
        var findings = Check("dev", p => EditIn(p, "karpenter-nodeclass-t4",
            "        subnetSelectorTerms:\n        - tags:\n            karpenter.sh/discovery: gpu-slicing-dev\n",
            "        subnetSelectorTerms:\n        - id: subnet-0public0000000001\n"));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI003");
        Assert.Equal("karpenter-nodeclass-t4", finding.Resource);
        Assert.Equal("gpu-slicing-infra:gpuPools.t4", finding.KeyPath);
        Assert.Contains("subnet-0public0000000001", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GSI003_a_public_subnet_with_the_discovery_tag_is_an_error()
    {
        var findings = Check("dev", p => EditIn(p, "network-vpc", "          kubernetes.io/role/elb: \"1\"\n",
            "          karpenter.sh/discovery: gpu-slicing-dev\n          kubernetes.io/role/elb: \"1\"\n"));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI003");
        Assert.Equal("network-vpc", finding.Resource);
        Assert.Equal("gpu-slicing-infra:network", finding.KeyPath);
    }

    [Theory]
    [InlineData("dev", PolicySeverity.Warning)]
    [InlineData("prod", PolicySeverity.Error)]
    public void GSI004_missing_control_plane_logs_are_an_error_in_prod_and_a_warning_elsewhere(string stack, PolicySeverity severity)
    {
        var findings = Check(stack, p => Edit(p, "      - audit\n", ""));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI004");
        Assert.Equal(severity, finding.Severity);
        Assert.Contains("audit", finding.Message, StringComparison.Ordinal);
        Assert.Contains("CKV_AWS_37", finding.Message, StringComparison.Ordinal);
        Assert.Equal("gpu-slicing-infra:cluster.logTypes", finding.KeyPath);
    }

    [Fact]
    public void GSI005_unencrypted_secrets_and_a_key_without_rotation_are_errors()
    {
        var findings = Check("dev", p => Edit(Edit(p, "      encryptionConfigKeyArn: ${cluster-secrets-key.arn}\n", ""),
            "enableKeyRotation: true", "enableKeyRotation: false"));

        var encryption = findings.Where(f => f.RuleId == "GSI005").ToList();
        Assert.Equal(2, encryption.Count);
        Assert.Contains(encryption, f => f.Message.Contains("CKV_AWS_58", StringComparison.Ordinal));
        Assert.Contains(encryption, f => f.Message.Contains("CKV_AWS_7)", StringComparison.Ordinal));
    }

    [Fact]
    public void GSI006_a_world_open_public_endpoint_is_an_error()
    {
        var findings = Check("dev", p => Edit(p, "      - \"203.0.113.0/24\"", "      - \"0.0.0.0/0\""));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI006");
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Contains("CKV_AWS_38", finding.Message, StringComparison.Ordinal);
        Assert.Equal("gpu-slicing-infra:cluster.publicAccessCidrs", finding.KeyPath);
    }

    [Fact]
    public void GSI007_a_public_endpoint_is_an_error_in_prod_and_a_warning_in_dev()
    {
        var prod = Check("prod", p => Edit(p, "endpointPublicAccess: false", "endpointPublicAccess: true"));
        var dev = Check("dev", p => p);

        Assert.Equal(PolicySeverity.Error, Assert.Single(prod, f => f.RuleId == "GSI007").Severity);
        Assert.Contains(prod, f => f.RuleId == "GSI006"); // and without CIDRs EKS opens it to the world
        Assert.Equal(PolicySeverity.Warning, Assert.Single(dev, f => f.RuleId == "GSI007").Severity);
    }

    [Fact]
    public void GSI008_an_unprotected_prod_cluster_is_an_error()
    {
        var findings = Check("prod", p => Edit(Edit(p, "deletionProtection: true", "deletionProtection: false"), "      protect: true\n", ""));

        var protection = findings.Where(f => f.RuleId == "GSI008").ToList();
        Assert.Contains(protection, f => f.Resource == "cluster-eks" && f.Message.Contains("deletion protection", StringComparison.Ordinal));
        Assert.Contains(protection, f => f.Resource == "cluster-eks" && f.Message.Contains("not protected", StringComparison.Ordinal));
        Assert.Contains(protection, f => f.Resource == "network-vpc");
        Assert.All(protection, f => Assert.Equal("gpu-slicing-infra:protect", f.KeyPath));
    }

    [Fact]
    public void GSI009_fewer_than_two_replicas_is_an_error()
    {
        var findings = Check("prod", p => Edit(p, "replicas: 4", "replicas: 1"));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI009");
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Equal("gpu-slicing-infra:devicePlugin.profiles.ts-4.replicas", finding.KeyPath);
    }

    // The ts-10-shared profile in dev's ConfigMap (ts-10 above it also has 10 replicas but no pool uses it).
    private const string SharedReplicas = "renameByDefault: true\n              resources:\n              - name: nvidia.com/gpu\n                replicas: ";

    [Fact]
    public void GSI009_more_replicas_than_gpu_memory_gib_on_a_karpenter_pool_is_a_warning()
    {
        // T4: 16 GiB (every g4dn size the NodePool's family requirement allows), so 17 is above the bound and 16 is not.
        var above = Check("dev", p => Edit(p, SharedReplicas + "10", SharedReplicas + "17"));
        var at = Check("dev", p => Edit(p, SharedReplicas + "10", SharedReplicas + "16"));

        var finding = Assert.Single(above, f => f.RuleId == "GSI009");
        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.Contains("16 GiB", finding.Message, StringComparison.Ordinal);
        Assert.Contains("pool t4", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(at, f => f.RuleId == "GSI009");
    }

    [Fact]
    public void GSI009_more_replicas_than_gpu_memory_gib_on_a_node_group_is_a_warning()
    {
        var above = Check("prod", p => Edit(p, "replicas: 4", "replicas: 17"));

        var finding = Assert.Single(above, f => f.RuleId == "GSI009");
        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.Contains("pool inference-t4", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GSI010_an_unpinned_chart_is_an_error()
    {
        var findings = Check("dev", p => Edit(p, "      version: \"0.20.0\"\n", ""));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI010");
        Assert.Equal("gpu-slicing-infra:devicePlugin.chartVersion", finding.KeyPath);
    }

    [Fact]
    public void GSI010_an_unpinned_karpenter_chart_names_the_karpenter_setting()
    {
        var findings = Check("dev", p => EditIn(p, "karpenter-release", "      version: \"1.14.1\"\n", "      version: \"1.x\"\n"));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI010");
        Assert.Equal("karpenter-release", finding.Resource);
        Assert.Equal("gpu-slicing-infra:karpenter.chartVersion", finding.KeyPath);
    }

    [Fact]
    public void GSI011_a_nodepool_without_a_cpu_limit_is_an_error()
    {
        var findings = Check("dev", p => EditIn(p, "karpenter-nodepool-t4", "          cpu: \"192\"\n", ""));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI011");
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Equal("karpenter-nodepool-t4", finding.Resource);
        Assert.Equal("gpu-slicing-infra:gpuPools.t4", finding.KeyPath);
        Assert.Contains("cpu", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GSI011_a_renaming_nodepool_needs_a_nodes_limit_since_its_shared_limit_is_not_a_gpu_limit()
    {
        var withoutNodes = Check("dev", p => EditIn(p, "karpenter-nodepool-t4", "          nodes: \"3\"\n", ""));

        var finding = Assert.Single(withoutNodes, f => f.RuleId == "GSI011");
        Assert.Contains("nodes (or nvidia.com/gpu)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GSI011_a_nodepool_limited_by_nvidia_gpu_and_cpu_without_nodes_passes_and_a_node_group_needs_a_max_size()
    {
        // prod's overlay-override pool also limits nvidia.com/gpu, which counts for it.
        var gpuLimited = Check("prod", p => EditIn(p, "karpenter-nodepool-inference-t4", "          nodes: \"6\"\n", ""));
        var noMax = Check("prod", p => EditIn(p, "gpu-training-a10g-nodes", "        maxSize: 4\n", ""));

        Assert.DoesNotContain(gpuLimited, f => f.RuleId == "GSI011");
        var finding = Assert.Single(noMax, f => f.RuleId == "GSI011");
        Assert.Equal("gpu-training-a10g-nodes", finding.Resource);
    }

    [Fact]
    public void GSI012_a_config_label_naming_no_profile_is_an_error_on_nodepools_and_node_groups()
    {
        var nodePool = Check("dev", p => Edit(p, "nvidia.com/device-plugin.config: ts-10-shared", "nvidia.com/device-plugin.config: ts-10-sharde"));
        var nodeGroup = Check("prod", p => EditIn(p, "gpu-training-a10g-nodes", "nvidia.com/device-plugin.config: exclusive", "nvidia.com/device-plugin.config: exclusiv"));

        var onNodePool = Assert.Single(nodePool, f => f.RuleId == "GSI012");
        Assert.Equal("karpenter-nodepool-t4", onNodePool.Resource);
        Assert.Contains("'ts-10-sharde'", onNodePool.Message, StringComparison.Ordinal);
        Assert.Contains("ts-10, ts-10-shared", onNodePool.Message, StringComparison.Ordinal);
        var onNodeGroup = Assert.Single(nodeGroup, f => f.RuleId == "GSI012");
        Assert.Equal("gpu-training-a10g-nodes", onNodeGroup.Resource);
        Assert.Equal("gpu-slicing-infra:gpuPools.training-a10g", onNodeGroup.KeyPath);
    }

    [Fact]
    public void GSI013_a_sharing_nodepool_without_an_overlay_is_a_plain_mode_warning()
    {
        // The overlay now targets another NodePool, so t4 is effectively in plain mode.
        var findings = Check("dev", p => EditIn(p, "karpenter-overlay-t4-gpus-1", "          values:\n          - t4\n", "          values:\n          - t4-old\n"));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI013");
        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.Equal("gpu-slicing-infra:gpuPools.t4.karpenterMode", finding.KeyPath);
        Assert.Contains("10 ways", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GSI013_a_plain_mode_pool_compiled_from_config_is_warned_about()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.dev.yaml"));
        var plain = Edit(Edit(yaml, "profile: ts-10-shared", "profile: ts-10"), "karpenterMode: overlay-shared", "karpenterMode: plain");
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(plain, "dev"));

        var findings = PolicyRules.Run(ReviewFixtures.Policy(settings, program));

        Assert.Equal("karpenter-nodepool-t4", Assert.Single(findings, f => f.RuleId == "GSI013").Resource);
    }

    [Fact]
    public void GSI014_unencrypted_volumes_are_errors()
    {
        var findings = Check("dev", p => EditIn(EditIn(p, "karpenter-nodeclass-t4", "encrypted: true", "encrypted: false"),
            "system-nodes-launch-template", "encrypted: \"true\"", "encrypted: \"false\""));

        Assert.Equal(["karpenter-nodeclass-t4", "system-nodes-launch-template"],
            findings.Where(f => f.RuleId == "GSI014").Select(f => f.Resource).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_rule_is_in_the_readme_rules_table()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

        Assert.All(PolicyRules.Default, r => Assert.Contains($"| {r.Id} |", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_rule_has_a_unique_id_and_a_title()
    {
        Assert.Equal(PolicyRules.Default.Count, PolicyRules.Default.Select(r => r.Id).Distinct().Count());
        Assert.All(PolicyRules.Default, r => Assert.False(string.IsNullOrWhiteSpace(r.Title)));
    }
}
