using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Components;

/// <summary>
/// The platform composes: every child name derives from the platform's name (the root platform's are
/// bare), every resource records the component that added it, and the stack layer, not the platform,
/// writes the stack outputs.
/// </summary>
public sealed class PlatformCompositionTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_root_platform_of_a_shipped_stack_has_exactly_the_names_of_its_manifest(string stack)
    {
        var program = StackProgram.Build(SettingsBinder.Bind(StackFixtures.Shipped(stack)));
        var manifest = File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Golden", $"resource-names.{stack}.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'));

        Assert.Equal(manifest.Order(StringComparer.Ordinal), program.Resources.Select(r => $"{r.Name} {r.Type}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_resource_of_a_shipped_stack_records_its_owning_component(string stack)
    {
        var program = StackProgram.Build(SettingsBinder.Bind(StackFixtures.Shipped(stack)));

        Assert.Empty(program.Resources.Where(r => r.Component is null).Select(r => r.Name));
        Assert.Equal(new ComponentIdentity(nameof(Cluster), "cluster"), program.FindResource("cluster-eks")!.Component);
        Assert.Equal(new ComponentIdentity(nameof(Cluster), "cluster"), program.FindResource("system-nodes")!.Component);
        Assert.All(program.Resources.Where(r => r.Name.StartsWith("gpu-", StringComparison.Ordinal)),
            r => Assert.True(r.Component is { Kind: nameof(GpuNodePool) } pool && r.Name.StartsWith(pool.Name + "-", StringComparison.Ordinal), $"{r.Name}: {r.Component}"));
        Assert.Equal(nameof(GpuSlicingPlatform), program.FindResource("name-suffix")!.Component!.Kind);
        Assert.All(program.Resources.Where(r => r.Name.StartsWith("karpenter-", StringComparison.Ordinal) && r.Type != "aws:ec2:Tag"),
            r => Assert.Equal(new ComponentIdentity(nameof(Karpenter), "karpenter"), r.Component));
        Assert.Equal(nameof(NvidiaDevicePlugin), program.FindResource("nvidia-device-plugin")!.Component!.Kind);
        Assert.Equal(nameof(Network), program.FindResource("network-vpc")!.Component!.Kind);
    }

    [Fact]
    public void Two_named_platforms_in_one_program_prefix_every_name_and_do_not_collide()
    {
        var program = TwoPlatforms();

        Assert.All(program.Resources, r => Assert.True(r.Name.StartsWith("ml-", StringComparison.Ordinal) || r.Name.StartsWith("batch-", StringComparison.Ordinal), r.Name));
        // The same resources apart from the account-wide spot role, which only one platform may create.
        Assert.Equal(program.Resources.Where(r => r.Name.StartsWith("ml-", StringComparison.Ordinal)).Select(r => r.Name["ml-".Length..]).Where(n => n != SpotServiceLinkedRole.LogicalName),
            program.Resources.Where(r => r.Name.StartsWith("batch-", StringComparison.Ordinal)).Select(r => r.Name["batch-".Length..]));
        Assert.NotNull(program.FindResource("ml-system-nodes"));
        Assert.NotNull(program.FindResource("batch-pod-identity-agent"));
        Assert.NotNull(program.FindResource("ml-spot-service-linked-role"));
        Assert.Equal(new ComponentIdentity(nameof(GpuSlicingPlatform), "batch"), program.FindResource("batch-name-suffix")!.Component);
    }

    [Fact]
    public async Task Two_named_platforms_in_one_program_pass_the_conformance_check()
    {
        var work = Directory.CreateTempSubdirectory("gsi-two-platforms-");
        try
        {
            var file = Path.Combine(work.FullName, "two-platforms.yaml");
            await File.WriteAllTextAsync(file, ProgramWriter.Write(TwoPlatforms()), TestContext.Current.CancellationToken);

            var result = await ProcessRunner.RunAsync("bash", [Path.Combine(RepoPaths.Root, "tests", "conformance", "check"), file], RepoPaths.Root,
                new Dictionary<string, string> { ["GPUSLICING_SHARED_DIR"] = RepoPaths.Shared });

            Assert.True(result.ExitCode == 0, $"conformance check failed (exit {result.ExitCode}):\n{result.Stdout}\n{result.Stderr}");
            Assert.Contains("0 problem(s)", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_platform_name_that_is_not_a_dns_label_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new GpuSlicingPlatform(new PulumiProgram("p", []), "ML_team", TestPrograms.PlatformArgs()));

        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public void The_platform_adds_no_outputs_and_the_stack_layer_writes_them_from_its_values()
    {
        var program = new PulumiProgram("p", []);
        var platform = new GpuSlicingPlatform(program, "", TestPrograms.PlatformArgs());

        Assert.Empty(program.Outputs);
        Assert.Equal("name: ${cluster-eks.eksCluster.name}\n", ProgramWriter.WriteDocument(Expr.Map([KeyValuePair.Create<string, Expr>("name", platform.ClusterName)])));
        Assert.Equal(4, platform.GpuCapacity["t4"].SlicesPerGpu);
        var stack = StackProgram.Build(SettingsBinder.Bind(StackFixtures.Shipped("dev")));
        Assert.Equal(["clusterName", "kubeconfig", "gpuCapacity"], stack.Outputs.Select(o => o.Key));
    }

    [Fact]
    public void Karpenter_warnings_are_reachable_from_the_platform()
    {
        var options = TestPrograms.KarpenterPlatformArgs(TestPrograms.KarpenterPool("t4", KarpenterMode.Plain));

        var platform = new GpuSlicingPlatform(new PulumiProgram("p", []), "", options);

        Assert.Equal(KarpenterWarnings.For(options), platform.Warnings);
        Assert.Contains(platform.Warnings, w => w.Field == "GpuPools[t4].Karpenter.Mode" && w.Message.StartsWith("plain:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pool_without_managed_node_group_or_karpenter_settings_is_refused_naming_the_field()
    {
        var pool = new GpuPoolOptions { Name = "t4", Profile = "ts-4" };

        var problem = Assert.Single(pool.Validate());

        Assert.Equal(nameof(GpuPoolOptions.ManagedNodeGroup), problem.Field);
        Assert.Contains("Karpenter", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_karpenter_node_limit_defaults_to_the_node_group_maximum_and_else_to_two()
    {
        var both = new GpuPoolOptions { Name = "t4", Profile = "ts-4", ManagedNodeGroup = new() { MaxSize = 5 }, Karpenter = new() };
        var karpenterOnly = both with { ManagedNodeGroup = null };

        Assert.Equal(5, both.EffectiveKarpenterMaxNodes);
        Assert.Equal(2, karpenterOnly.EffectiveKarpenterMaxNodes);
        Assert.Equal(7, (karpenterOnly with { Karpenter = new() { MaxNodes = 7 } }).EffectiveKarpenterMaxNodes);
    }

    [Fact]
    public void Components_compose_without_the_platform()
    {
        // Given a program with a network and a cluster, composed by hand
        var program = new PulumiProgram("p", []);
        var network = new Network(program, "net", new NetworkOptions());
        var cluster = new Cluster(program, "eks", network, new ClusterOptions { Name = "hand-made" },
            program.AddVariable<string>("suffix", Expr.Text("abc123")));
        _ = cluster.AddSystemNodeGroup("eks-system");
        _ = cluster.AddKubernetesProvider("eks-k8s");

        // When a GPU pool and the device plugin are added to it
        _ = new GpuNodePool(program, "gpu-t4", cluster, new GpuPoolOptions { Name = "t4", Profile = "ts-4", ManagedNodeGroup = new() }, new SharingProfileOptions { Name = "ts-4", Replicas = 4 });
        _ = new NvidiaDevicePlugin(program, "plugin", cluster,
            new NvidiaDevicePluginOptions { Profiles = [new SharingProfileOptions { Name = "ts-4", Replicas = 4 }], DefaultProfile = "ts-4" }, []);

        // Then each resource is named after its component and wired to the cluster it was given
        var parsed = new ParsedProgram(ProgramWriter.Write(program));
        Assert.Equal("${eks-eks}", ParsedProgram.Scalar(parsed.Resource("gpu-t4-nodes"), "properties.cluster"));
        Assert.Equal("${eks-node-role.arn}", ParsedProgram.Scalar(parsed.Resource("gpu-t4-nodes"), "properties.nodeRoleArn"));
        Assert.Equal("${eks-k8s}", ParsedProgram.Scalar(parsed.Resource("plugin"), "options.provider"));
        Assert.Contains("eks-coredns", parsed.ResourceNames);
        Assert.Throws<InvalidOperationException>(() => cluster.AddSystemNodeGroup("again"));
    }

    [Fact]
    public void A_pool_added_to_the_platforms_cluster_joins_its_node_role_and_subnets()
    {
        var program = new PulumiProgram("p", []);
        var platform = new GpuSlicingPlatform(program, "ml", TestPrograms.PlatformArgs());

        _ = new GpuNodePool(program, "ml-gpu-extra", platform.Cluster, new GpuPoolOptions { Name = "extra", Profile = "ts-4", ManagedNodeGroup = new() }, new SharingProfileOptions { Name = "ts-4", Replicas = 4 });

        var parsed = new ParsedProgram(ProgramWriter.Write(program));
        Assert.Equal(ParsedProgram.Scalar(parsed.Resource("ml-gpu-t4-nodes"), "properties.nodeRoleArn"), ParsedProgram.Scalar(parsed.Resource("ml-gpu-extra-nodes"), "properties.nodeRoleArn"));
        Assert.Equal("${ml-network-vpc.privateSubnetIds}", ParsedProgram.Scalar(parsed.Resource("ml-gpu-extra-nodes"), "properties.subnetIds"));
    }

    [Fact]
    public void A_gpu_node_pool_needs_managed_node_group_settings()
    {
        var program = new PulumiProgram("p", []);
        var cluster = new Cluster(program, "eks", new Network(program, "net", new NetworkOptions()), new ClusterOptions { Name = "c" },
            program.AddVariable<string>("suffix", Expr.Text("abc123")));

        var error = Assert.Throws<ArgsValidationException>(() => new GpuNodePool(program, "gpu-t4", cluster,
            new GpuPoolOptions { Name = "t4", Profile = "ts-4", Karpenter = new() }, new SharingProfileOptions { Name = "ts-4", Replicas = 4 }));

        Assert.Equal(nameof(GpuPoolOptions.ManagedNodeGroup), Assert.Single(error.Problems).Field);
    }

    [Fact]
    public void A_node_pool_refuses_a_profile_other_than_the_one_its_pool_names()
    {
        // The profile decides the node's user data (MIG partitioning): a wrong one would boot GPUs unpartitioned.
        var program = new PulumiProgram("p", []);
        var cluster = new Cluster(program, "eks", new Network(program, "net", new NetworkOptions()), new ClusterOptions { Name = "c" },
            program.AddVariable<string>("suffix", Expr.Text("abc123")));

        var error = Assert.Throws<ArgsValidationException>(() => new GpuNodePool(program, "gpu-a100", cluster,
            new GpuPoolOptions { Name = "a100", Profile = "mig-1g", InstanceTypes = ["p4d.24xlarge"], ManagedNodeGroup = new() },
            new SharingProfileOptions { Name = "ts-4", Replicas = 4 }));

        var problem = Assert.Single(error.Problems);
        Assert.Equal((nameof(GpuPoolOptions.Profile), "pool 'a100' names profile 'mig-1g' but was given profile 'ts-4'."), (problem.Field, problem.Message));
    }

    private static PulumiProgram TwoPlatforms()
    {
        var program = new PulumiProgram("two-platforms", []);
        foreach (var name in new[] { "ml", "batch" })
        {
            var options = TestPrograms.KarpenterPlatformArgs(
                new GpuPoolOptions { Name = "t4", Profile = "ts-4", ManagedNodeGroup = new() },
                TestPrograms.KarpenterPool("burst", KarpenterMode.OverlayShared));
            _ = new GpuSlicingPlatform(program, name, options with
            {
                Cluster = options.Cluster with { Name = $"{name}-gpu", CreateSpotServiceLinkedRole = name == "ml" },
            });
        }
        return program;
    }
}
