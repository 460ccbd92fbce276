using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Review.Policy;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Review;

/// <summary>Plan reads pools, sharing and costs from a program file alone: no stack settings, no context.</summary>
public sealed class BareProgramPlanTests
{
    // Hand-written, not compiled: a managed GPU node group without a config label (so the device plugin's default
    // profile applies) and a Karpenter NodePool on g6 with one GPU, spot, renamed slices declared by a NodeOverlay.
    private const string Program = """
        resources:
          vpc:
            type: awsx:ec2:Vpc
            properties:
              natGateways:
                strategy: OnePerAz
              numberOfAvailabilityZones: 2
          eks:
            type: eks:Cluster
            properties:
              version: "1.35"
          system:
            type: eks:ManagedNodeGroup
            properties:
              instanceTypes: [m6i.large]
              scalingConfig: {minSize: 1, desiredSize: 2, maxSize: 3}
          inference:
            type: eks:ManagedNodeGroup
            properties:
              amiType: AL2023_x86_64_NVIDIA
              capacityType: ON_DEMAND
              instanceTypes: [g5.xlarge, g5.2xlarge]
              scalingConfig: {minSize: 1, desiredSize: 2, maxSize: 4}
          plugin-config:
            type: kubernetes:core/v1:ConfigMap
            properties:
              data:
                ts-4: |
                  version: v1
                  sharing:
                    timeSlicing:
                      resources:
                      - name: nvidia.com/gpu
                        replicas: 4
                ts-8-shared: |
                  version: v1
                  sharing:
                    timeSlicing:
                      renameByDefault: true
                      resources:
                      - name: nvidia.com/gpu
                        replicas: 8
          plugin:
            type: kubernetes:helm.sh/v3:Release
            properties:
              chart: nvidia-device-plugin
              values:
                config:
                  default: ts-4
          burst-pool:
            type: kubernetes:apiextensions.k8s.io:CustomResource
            properties:
              apiVersion: karpenter.sh/v1
              kind: NodePool
              metadata: {name: burst}
              spec:
                limits: {nodes: 3, cpu: 100}
                template:
                  metadata:
                    labels:
                      nvidia.com/device-plugin.config: ts-8-shared
                  spec:
                    requirements:
                    - {key: karpenter.k8s.aws/instance-family, operator: In, values: [g6]}
                    - {key: karpenter.k8s.aws/instance-gpu-count, operator: In, values: ["1"]}
                    - {key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}
          burst-overlay:
            type: kubernetes:apiextensions.k8s.io:CustomResource
            properties:
              apiVersion: karpenter.sh/v1alpha1
              kind: NodeOverlay
              metadata: {name: burst-gpus-1}
              spec:
                capacity: {nvidia.com/gpu.shared: "8"}
                requirements:
                - {key: karpenter.sh/nodepool, operator: In, values: [burst]}
        """;

    private static StackPlan Plan() => PlanBuilder.Build(ProgramSnapshot.Parse(Program, "bare.yaml"), ReviewContext.None, FixedClock.Today);

    private static decimal ListPrice(string type) => GpuInstanceCatalog.BuiltIn.Find(type)!.OnDemandUsdPerHour!.Value;

    [Fact]
    public void A_managed_gpu_node_group_is_a_pool_with_the_default_profile_its_sizes_and_its_first_types_price()
    {
        var pool = Plan().Pools.Single(p => p.Pool == "inference");

        Assert.Equal("managedNodeGroup", pool.Provisioner);
        Assert.Equal(["g5.xlarge", "g5.2xlarge"], pool.InstanceTypes);
        Assert.Equal("onDemand", pool.CapacityType);
        Assert.Equal(("ts-4", "timeSlicing", "nvidia.com/gpu", 4), (pool.Profile, pool.Strategy, pool.ResourceName, pool.Replicas));
        Assert.Equal(new NodeCounts(1, 2, 4), pool.Nodes);
        Assert.Equal(new NodeCounts(4, 8, 16), pool.AdvertisedSlices); // 1 GPU per node × 4 replicas
        Assert.Equal(2 * ListPrice("g5.xlarge"), pool.AtDesired.Hourly);
        Assert.Null(pool.Karpenter);
    }

    [Fact]
    public void A_karpenter_node_pool_is_priced_at_the_cheapest_type_its_requirements_allow_and_sized_by_its_node_limit()
    {
        var pool = Plan().Pools.Single(p => p.Pool == "burst");
        var allowed = GpuInstanceCatalog.BuiltIn.All.Where(t => t.Family == "g6" && t.GpuCount == 1).ToList();
        var cheapest = allowed.MinBy(t => t.OnDemandUsdPerHour)!;

        Assert.Equal("karpenter", pool.Provisioner);
        Assert.Equal(cheapest.Name, pool.PricedInstanceType);
        Assert.Equal(allowed.Select(t => t.Name).Order(StringComparer.Ordinal), pool.InstanceTypes.Order(StringComparer.Ordinal));
        Assert.Equal("spot", pool.CapacityType);
        Assert.Equal(("overlay-shared", "nvidia.com/gpu.shared"), (pool.KarpenterMode, pool.ResourceName));
        Assert.Equal(new NodeCounts(0, 0, 3), pool.Nodes);
        Assert.Equal(new NodeCounts(0, 0, 24), pool.AdvertisedSlices); // 3 nodes × 1 GPU × 8 replicas
        Assert.Equal(3 * cheapest.OnDemandUsdPerHour!.Value, pool.AtMax.Hourly);
        Assert.Equal(3 * cheapest.OnDemandUsdPerHour!.Value, pool.Karpenter!.AtMax.Hourly);
        Assert.Equal(0m, pool.AtDesired.Hourly);
    }

    [Fact]
    public void Fixed_costs_come_from_the_cluster_the_vpc_and_the_system_node_group()
    {
        var costs = Plan().FixedCosts.ToDictionary(c => c.Item);

        Assert.Equal(0.10m, costs["eksControlPlane"].AtDesired.Hourly); // 1.35 is in standard support on the fixed day
        Assert.Equal("2 × NAT gateway", costs["natGateways"].Detail); // one per zone, two zones
        Assert.Equal(2 * 0.096m, costs["systemNodes"].AtDesired.Hourly); // 2 desired × m6i.large
        Assert.Equal("2 (max 3) × m6i.large", costs["systemNodes"].Detail);
    }

    [Fact]
    public void Without_context_the_plan_is_titled_by_its_source_warnings_name_no_key_and_prod_rules_stay_off()
    {
        var plan = Plan();
        var findings = PolicyRules.Run(new PolicyContext(ProgramSnapshot.Parse(Program, "bare.yaml"), ReviewContext.None));

        Assert.Equal(("bare.yaml", "not set", null), (plan.Stack, plan.Environment, plan.Region));
        // The spot pool is priced at list price: warned, with no config key to point at.
        var spot = Assert.Single(plan.Warnings, w => w.Code == "spot-priced-on-demand");
        Assert.Null(spot.KeyPath);
        Assert.DoesNotContain(findings, f => f.RuleId == "GSI008"); // prod protection needs the environment
        // Findings name the resource where a stack would name its config key.
        Assert.Contains(findings, f => f.RuleId == "GSI005" && f.KeyPath == "eks" && f.Resource == "eks");
    }
}
