using GpuSlicingInfra.Stacks.Review.Policy;
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
        return PolicyRules.Run(new PolicyContext(settings, ReviewFixtures.Snapshot(edit(program))));
    }

    private static string Edit(string program, string find, string replace) => ReviewFixtures.Edit(program, find, replace);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Shipped_stacks_have_no_policy_errors(string stack)
    {
        Assert.DoesNotContain(Check(stack, p => p), f => f.Severity == PolicySeverity.Error);
    }

    [Fact]
    public void GSI001_an_untainted_gpu_node_group_is_an_error()
    {
        var findings = Check("dev", p => Edit(p, "      taints:\n      - effect: NO_SCHEDULE\n        key: nvidia.com/gpu\n        value: \"true\"\n", ""));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI001");
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Equal("gpu-slicing-infra:gpuPools.t4", finding.KeyPath);
        Assert.Equal("gpu-t4-nodes", finding.Resource);
    }

    [Fact]
    public void GSI002_optional_imds_tokens_and_a_high_hop_limit_are_errors()
    {
        var findings = Check("dev", p => Edit(Edit(p, "httpTokens: required", "httpTokens: optional"),
            "httpPutResponseHopLimit: 1", "httpPutResponseHopLimit: 3"));

        var imds = findings.Where(f => f.RuleId == "GSI002").ToList();
        Assert.Equal(3, imds.Count); // tokens on both templates, hop limit on the GPU one
        Assert.Contains(imds, f => f.Message.Contains("CKV_AWS_79", StringComparison.Ordinal) && f.KeyPath == "gpu-slicing-infra:cluster");
        Assert.Contains(imds, f => f.Message.Contains("CKV_AWS_341", StringComparison.Ordinal) && f.KeyPath == "gpu-slicing-infra:gpuPools.t4");
    }

    [Fact]
    public void GSI003_nodes_in_public_subnets_are_an_error()
    {
        var findings = Check("dev", p => Edit(p, "      subnetIds: ${network-vpc.privateSubnetIds}", "      subnetIds: ${network-vpc.publicSubnetIds}"));

        Assert.Equal(["gpu-t4-nodes", "system-nodes"], findings.Where(f => f.RuleId == "GSI003").Select(f => f.Resource).Order(StringComparer.Ordinal));
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
        Assert.Contains(protection, f => f.Resource == "cluster" && f.Message.Contains("deletion protection", StringComparison.Ordinal));
        Assert.Contains(protection, f => f.Resource == "cluster" && f.Message.Contains("not protected", StringComparison.Ordinal));
        Assert.Contains(protection, f => f.Resource == "network-vpc");
        Assert.All(protection, f => Assert.Equal("gpu-slicing-infra:protect", f.KeyPath));
    }

    [Fact]
    public void GSI009_fewer_than_two_replicas_is_an_error()
    {
        var findings = Check("dev", p => Edit(p, "replicas: 10", "replicas: 1"));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI009");
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Equal("gpu-slicing-infra:devicePlugin.profiles.ts-10.replicas", finding.KeyPath);
    }

    [Fact]
    public void GSI009_more_replicas_than_gpu_memory_gib_is_a_warning()
    {
        // T4: 16 GiB, so 17 replicas is above the bound and 16 is not.
        var above = Check("dev", p => Edit(p, "replicas: 10", "replicas: 17"));
        var at = Check("dev", p => Edit(p, "replicas: 10", "replicas: 16"));

        var finding = Assert.Single(above, f => f.RuleId == "GSI009");
        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.Contains("16 GiB", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(at, f => f.RuleId == "GSI009");
    }

    [Fact]
    public void GSI010_an_unpinned_chart_is_an_error()
    {
        var findings = Check("dev", p => Edit(p, "      version: \"0.20.0\"\n", ""));

        var finding = Assert.Single(findings, f => f.RuleId == "GSI010");
        Assert.Equal("gpu-slicing-infra:devicePlugin.chartVersion", finding.KeyPath);
    }

    [Fact]
    public void Every_rule_has_a_unique_id_and_a_title()
    {
        Assert.Equal(PolicyRules.Default.Count, PolicyRules.Default.Select(r => r.Id).Distinct().Count());
        Assert.All(PolicyRules.Default, r => Assert.False(string.IsNullOrWhiteSpace(r.Title)));
    }
}
