using GpuSlicingInfra.Components.Tenancy;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Tenancy;

/// <summary>tenants.&lt;name&gt; and tenancy: what binds, and every refusal naming its key.</summary>
public sealed class TenantsBinderTests
{
    // MinimalYaml's pool t4 runs profile ts-4 (time-slicing, not renamed): it advertises nvidia.com/gpu only.
    private static IReadOnlyList<ConfigProblem> Problems(string extra) =>
        Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml(extra)))).Problems;

    [Fact]
    public void A_tenant_binds_with_its_name_as_namespace_and_deny_by_default()
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:tenants:
                team-a:
                  pools: [t4]
                  slices:
                    nvidia.com/gpu: 6
            """)));

        var tenant = Assert.Single(settings.Platform.Tenants);
        Assert.Equal(("team-a", 6), (tenant.EffectiveNamespace, tenant.Slices["nvidia.com/gpu"]));
        Assert.Equal(["t4"], tenant.Pools);
        Assert.Equal([ValidationAction.Deny], settings.Platform.Tenancy.ValidationActions);
        Assert.False(settings.Platform.Tenancy.PriorityClasses);
    }

    [Theory]
    [InlineData("pools: [a10g]", "gpu-slicing-infra:tenants.team-a.pools", "'a10g' is not a GPU pool (t4)")]
    [InlineData("namespace: Team_A\n      pools: [t4]", "gpu-slicing-infra:tenants.team-a.namespace", "'Team_A' is not a valid namespace name")]
    [InlineData("slices: {nvidia.com/gpu: 2}", "gpu-slicing-infra:tenants.team-a.pools", "is required")]
    [InlineData("pools: [t4]\n      slices: {nvidia.com/gpu: many}", "gpu-slicing-infra:tenants.team-a.slices.nvidia.com/gpu", "")]
    [InlineData("pools: [t4]\n      labels: {gpu-slicing-infra/tenant: b}", "gpu-slicing-infra:tenants.team-a.labels.gpu-slicing-infra/tenant", "is set by the components themselves")]
    [InlineData("pools: [t4]\n      labels: {team: a b}", "gpu-slicing-infra:tenants.team-a.labels.team", "label values are at most 63 alphanumerics")]
    [InlineData("pools: [t4]\n      annotations: {note: \"caf\u00e9\"}", "gpu-slicing-infra:tenants.team-a.annotations.note", "printable ASCII")]
    [InlineData("pools: [t4]\n      quota: 3", "gpu-slicing-infra:tenants.team-a.quota", "")]
    public void A_bad_tenant_key_is_named(string body, string keyPath, string message)
    {
        var problem = Assert.Single(Problems($"  gpu-slicing-infra:tenants:\n    team-a:\n      {body}"));

        Assert.Equal(keyPath, problem.KeyPath);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quota_on_a_resource_the_pools_do_not_advertise_names_the_ones_they_do()
    {
        // ts-4 does not rename, so its pool advertises nvidia.com/gpu, never nvidia.com/gpu.shared.
        var problem = Assert.Single(Problems("  gpu-slicing-infra:tenants:\n    team-a:\n      pools: [t4]\n      slices: {nvidia.com/gpu.shared: 4}"));

        Assert.Equal("gpu-slicing-infra:tenants.team-a.slices.nvidia.com/gpu.shared", problem.KeyPath);
        Assert.Contains("not advertised by the tenant's pools (nvidia.com/gpu)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mig_resources_come_from_the_pools_profile_under_mixed()
    {
        // all-balanced on an A100 40GB gives 1g.5gb, 2g.10gb and 3g.20gb devices, each its own resource under mixed.
        var settings = SettingsBinder.Bind(MigMixedTenant("nvidia.com/mig-1g.5gb"));
        var problems = Assert.Throws<ConfigException>(() => SettingsBinder.Bind(MigMixedTenant("nvidia.com/gpu"))).Problems;

        Assert.Equal(4, Assert.Single(settings.Platform.Tenants).Slices["nvidia.com/mig-1g.5gb"]);
        var problem = Assert.Single(problems);
        Assert.Equal("gpu-slicing-infra:tenants.research.slices.nvidia.com/gpu", problem.KeyPath);
        Assert.Contains("nvidia.com/mig-1g.5gb", problem.Message, StringComparison.Ordinal);
    }

    // One A100 pool under a mig-mixed profile and a tenant asking for four of `resource`.
    private static StackConfig MigMixedTenant(string resource) => StackFixtures.Inline($"""
        config:
          gpu-slicing-infra:devicePlugin:
            profiles:
              mig-mixed:
                strategy: mig
                migConfig: all-balanced
                migStrategy: mixed
          gpu-slicing-infra:gpuPools:
            a100:
              instanceTypes: [p4d.24xlarge]
              profile: mig-mixed
          gpu-slicing-infra:tenants:
            research:
              pools: [a100]
              slices:
                {resource}: 4
        """);

    [Fact]
    public void Two_tenants_cannot_share_a_namespace()
    {
        var problem = Assert.Single(Problems("  gpu-slicing-infra:tenants:\n    a:\n      pools: [t4]\n    b:\n      namespace: a\n      pools: [t4]"));

        Assert.Equal("gpu-slicing-infra:tenants.b.namespace", problem.KeyPath);
        Assert.Contains("already belongs to tenant 'a'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validationActions: [Block]", "gpu-slicing-infra:tenancy.validationActions[0]", "'Block' is not one of Deny, Warn, Audit")]
    [InlineData("validationActions: [Deny, Warn]", "gpu-slicing-infra:tenancy.validationActions", "Deny and Warn may not be combined")]
    [InlineData("validationActions: []", "gpu-slicing-infra:tenancy.validationActions", "at least one")]
    [InlineData("priorityClasses: yes please", "gpu-slicing-infra:tenancy.priorityClasses", "")]
    public void A_bad_tenancy_key_is_named(string body, string keyPath, string message)
    {
        var problem = Assert.Single(Problems($"  gpu-slicing-infra:tenancy:\n    {body}"));

        Assert.Equal(keyPath, problem.KeyPath);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warn_with_audit_binds()
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml("  gpu-slicing-infra:tenancy:\n    validationActions: [Warn, Audit]")));

        Assert.Equal([ValidationAction.Warn, ValidationAction.Audit], settings.Platform.Tenancy.ValidationActions);
    }
}
