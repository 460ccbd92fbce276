using System.Text.Json.Nodes;
using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Stacks;

public sealed class SettingsBinderTests
{
    private static IReadOnlyList<ConfigProblem> Problems(string yaml) =>
        Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(yaml))).Problems;

    [Fact]
    public void The_minimal_stack_binds_with_secure_defaults()
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml()));

        Assert.Equal("gpu-slicing-test", settings.Platform.Cluster.Name);
        Assert.True(settings.Platform.Cluster.EndpointPrivateAccess);
        Assert.False(settings.Platform.Cluster.EndpointPublicAccess);
        Assert.Equal(NatGatewayStrategy.OnePerAz, settings.Platform.Network.NatGateways);
        Assert.False(settings.Platform.Cluster.Protect);
        Assert.Equal("ts-4", settings.Platform.DevicePlugin.DefaultProfile);
    }

    [Fact]
    public void The_prod_environment_protects_by_default()
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml("  gpu-slicing-infra:environment: prod")));

        Assert.True(settings.Platform.Cluster.Protect);
        Assert.True(settings.Platform.Network.Protect);
        Assert.All(settings.Platform.GpuPools, p => Assert.True(p.Protect));
    }

    [Fact]
    public void Unknown_keys_are_errors_at_every_level()
    {
        var problems = Problems(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:clusterr: {}
              gpu-slicing-infra:network:
                cidr: 10.0.0.0/16
            """).Replace("      profile: ts-4", "      profile: ts-4\n      maxSzie: 3", StringComparison.Ordinal));

        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:clusterr" && p.Message.Contains("unknown key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:network.cidr");
        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.t4.maxSzie");
    }

    [Fact]
    public void Wrong_types_and_out_of_range_values_name_each_key()
    {
        var problems = Problems(StackFixtures.MinimalYaml().Replace("      profile: ts-4", "      profile: ts-4\n      maxSize: lots\n      diskSizeGiB: 10", StringComparison.Ordinal)
            .Replace("replicas: 4", "replicas: 1", StringComparison.Ordinal));

        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.t4.maxSize" && p.Message.Contains("integer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.t4.diskSizeGiB");
        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:devicePlugin.profiles.ts-4.replicas");
    }

    [Fact]
    public void Secrets_where_plain_values_are_expected_are_reported()
    {
        var problems = Problems(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:cluster:
                name:
                  secure: AAABAKx
            """));

        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:cluster.name" && p.Message.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Pulumi_config_json_binds_to_the_same_settings_as_the_stack_file()
    {
        var fromFile = SettingsBinder.Bind(StackFixtures.Shipped("dev"));
        var fromEnvironment = SettingsBinder.Bind(EnvironmentConfigReader.Parse("dev", PulumiConfigJson.From(StackFixtures.Shipped("dev"))));

        Assert.Equal(fromFile.Platform.Cluster.Name, fromEnvironment.Platform.Cluster.Name);
        Assert.Equal(fromFile.Platform.GpuPools.Single().ManagedNodeGroup, fromEnvironment.Platform.GpuPools.Single().ManagedNodeGroup);
        Assert.Equal(fromFile.Platform.DevicePlugin.Profiles.Select(p => (p.Replicas, p.RenameByDefault)), fromEnvironment.Platform.DevicePlugin.Profiles.Select(p => (p.Replicas, p.RenameByDefault)));
        Assert.Equal(fromFile.Platform.Karpenter.Enabled, fromEnvironment.Platform.Karpenter.Enabled);
        Assert.Equal(fromFile.Platform.GpuPools.Single().Karpenter, fromEnvironment.Platform.GpuPools.Single().Karpenter);
        Assert.Equal(fromFile.Platform.Cluster.PublicAccessCidrs, fromEnvironment.Platform.Cluster.PublicAccessCidrs);
    }

    [Theory]
    [InlineData("GpuPools[t4].ManagedNodeGroup.DesiredSize", "gpu-slicing-infra:gpuPools.t4.desiredSize")]
    [InlineData("GpuPools[t4].Karpenter.MaxNodes", "gpu-slicing-infra:gpuPools.t4.karpenterMaxNodes")]
    [InlineData("GpuPools[t4].Karpenter", "gpu-slicing-infra:gpuPools.t4.provisioner")]
    [InlineData("GpuPools[t4].ManagedNodeGroup", "gpu-slicing-infra:gpuPools.t4.provisioner")]
    [InlineData("GpuPools[t4].Labels", "gpu-slicing-infra:gpuPools.t4.labels")]
    [InlineData("DevicePlugin.Profiles[ts-10].Replicas", "gpu-slicing-infra:devicePlugin.profiles.ts-10.replicas")]
    [InlineData("Cluster.PublicAccessCidrs", "gpu-slicing-infra:cluster.publicAccessCidrs")]
    public void Component_problems_map_to_config_key_paths(string field, string keyPath)
    {
        Assert.Equal(keyPath, SettingsBinder.ToKeyPath(field));
    }

    [Fact]
    public void Malformed_pulumi_config_json_is_a_clear_error()
    {
        var error = Assert.Throws<ConfigException>(() => EnvironmentConfigReader.Parse("dev", "{not json"));

        Assert.Equal("PULUMI_CONFIG", Assert.Single(error.Problems).KeyPath);
    }

    [Fact]
    public void Structured_values_holding_malformed_json_are_reported_at_their_key()
    {
        var config = new StackConfig("dev", new Dictionary<string, JsonNode?>
        {
            ["gpu-slicing-infra:gpuPools"] = JsonValue.Create("{\"t4\": "),
        }, "PULUMI_CONFIG");

        var problems = Assert.Throws<ConfigException>(() => SettingsBinder.Bind(config)).Problems;
        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools" && p.Message.Contains("malformed JSON", StringComparison.Ordinal));
    }
}

public sealed class KarpenterSettingsTests
{
    private const string KarpenterPool = """
          gpu-slicing-infra:karpenter:
            enabled: true
        """;

    [Fact]
    public void A_karpenter_only_pool_binds_to_the_options_the_csharp_api_writes_for_it()
    {
        var yaml = StackFixtures.MinimalYaml(KarpenterPool)
            .Replace("replicas: 4", "replicas: 4\n        renameByDefault: true", StringComparison.Ordinal)
            .Replace("      profile: ts-4", "      profile: ts-4\n      provisioner: karpenter\n      karpenterMaxNodes: 6", StringComparison.Ordinal);

        var pool = Assert.Single(SettingsBinder.Bind(StackFixtures.Inline(yaml)).Platform.GpuPools);

        // The stack file's provisioner: karpenter is the C# API's pool with Karpenter settings and no node group.
        Assert.Null(pool.ManagedNodeGroup);
        Assert.Equal(new KarpenterPoolOptions { MaxNodes = 6 }, pool.Karpenter);
        Assert.Equal(6, pool.EffectiveKarpenterMaxNodes);
    }

    [Fact]
    public void Karpenter_settings_and_pool_keys_bind_to_the_args()
    {
        var yaml = StackFixtures.MinimalYaml(KarpenterPool + "\n    identity: irsa\n    amiAlias: al2023@v20260610")
            .Replace("replicas: 4", "replicas: 4\n        renameByDefault: true", StringComparison.Ordinal)
            .Replace("      profile: ts-4", "      profile: ts-4\n      provisioner: both\n      karpenterMode: overlay-shared\n      karpenterInstanceSelection: types\n      karpenterMaxNodes: 7\n      karpenterMaxCpu: 50\n      karpenterConsolidateAfter: 1h30m\n      karpenterExpireAfter: 168h\n      karpenterDisruptionBudget: \"1\"", StringComparison.Ordinal);

        var settings = SettingsBinder.Bind(StackFixtures.Inline(yaml));

        var karpenter = settings.Platform.Karpenter;
        Assert.True(karpenter.Enabled);
        Assert.Equal(KarpenterIdentity.Irsa, karpenter.Identity);
        Assert.Equal("al2023@v20260610", karpenter.AmiAlias);
        Assert.Equal(1, karpenter.Replicas);
        var pool = Assert.Single(settings.Platform.GpuPools);
        // provisioner: both gives the pool both sub-options.
        Assert.NotNull(pool.ManagedNodeGroup);
        Assert.Equal(new KarpenterPoolOptions
        {
            Mode = KarpenterMode.OverlayShared,
            InstanceSelection = KarpenterInstanceSelection.Types,
            MaxNodes = 7,
            MaxCpu = 50,
            ConsolidateAfter = TimeSpan.FromMinutes(90),
            ExpireAfter = TimeSpan.FromHours(168),
            DisruptionBudget = "1",
        }, pool.Karpenter);
    }

    [Fact]
    public void Prod_runs_two_controllers_by_default()
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml("  gpu-slicing-infra:environment: prod\n" + KarpenterPool)));

        Assert.Equal(2, settings.Platform.Karpenter.Replicas);
    }

    [Fact]
    public void Karpenter_problems_map_to_key_paths_and_unknown_keys_stay_errors()
    {
        var yaml = StackFixtures.MinimalYaml(KarpenterPool + "\n    replica: 2\n    identity: oidc")
            .Replace("      profile: ts-4", "      profile: ts-4\n      provisioner: karpenter\n      karpenterMode: overlay-shared\n      karpenterConsolidateAfter: soon", StringComparison.Ordinal);

        var problems = Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(yaml))).Problems;

        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:karpenter.replica" && p.Message.Contains("unknown key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:karpenter.identity");
        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.t4.karpenterConsolidateAfter");
    }

    [Fact]
    public void A_mode_profile_mismatch_names_the_pool_key()
    {
        var yaml = StackFixtures.MinimalYaml(KarpenterPool)
            .Replace("      profile: ts-4", "      profile: ts-4\n      provisioner: karpenter\n      karpenterMode: overlay-shared", StringComparison.Ordinal);

        var problems = Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(yaml))).Problems;

        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.t4.karpenterMode" && p.Message.Contains("renameByDefault", StringComparison.Ordinal));
    }

    [Fact]
    public void Shipped_stacks_enable_karpenter_with_both_overlay_modes()
    {
        var dev = SettingsBinder.Bind(StackFixtures.Shipped("dev")).Platform;
        var prod = SettingsBinder.Bind(StackFixtures.Shipped("prod")).Platform;

        Assert.True(dev.Karpenter.Enabled || prod.Karpenter.Enabled);
        var modes = dev.GpuPools.Concat(prod.GpuPools).Select(p => p.Karpenter?.Mode).OfType<KarpenterMode>().ToHashSet();
        Assert.Contains(KarpenterMode.OverlayShared, modes);
        Assert.Contains(KarpenterMode.OverlayOverride, modes);
    }
}
