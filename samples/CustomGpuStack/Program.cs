using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Components.Program;

// A research team's stack, composed from the package: a managed g5 pool whose A10G GPUs are
// time-sliced four ways for notebooks, and an L4 pool that Karpenter scales from zero, advertising
// eight nvidia.com/gpu.shared slices per GPU to batch inference.
var program = new PulumiProgram("research-gpu", stackConfigKeys: [], "Research GPU cluster built on GpuSlicingInfra.Components");
_ = new GpuSlicingPlatform(program, new GpuSlicingPlatformArgs
{
    Environment = "research",
    Network = new NetworkArgs { CidrBlock = "10.80.0.0/16", AvailabilityZoneCount = 3, NatGateways = NatGatewayStrategy.SingleGateway },
    Cluster = new ClusterArgs
    {
        Name = "research-gpu",
        KubernetesVersion = "1.35",
        AdminPrincipalArns = ["arn:aws:iam::210987654321:role/research-admins"],
        SystemInstanceType = "m6i.large",
    },
    DevicePlugin = new NvidiaDevicePluginArgs
    {
        Profiles =
        [
            new SharingProfileArgs { Name = "notebooks-4", Replicas = 4, FailRequestsGreaterThanOne = true },
            new SharingProfileArgs { Name = "inference-8", Replicas = 8, RenameByDefault = true },
        ],
        DefaultProfile = "notebooks-4",
    },
    Karpenter = new KarpenterArgs { Enabled = true, Replicas = 2 },
    GpuPools =
    [
        new GpuNodePoolArgs
        {
            Name = "notebooks",
            Profile = "notebooks-4",
            InstanceTypes = ["g5.xlarge"],
            MinSize = 1,
            DesiredSize = 2,
            MaxSize = 4,
        },
        new GpuNodePoolArgs
        {
            Name = "inference",
            Profile = "inference-8",
            InstanceTypes = ["g6.xlarge", "g6.2xlarge"],
            Provisioner = NodeProvisioner.Karpenter,
            KarpenterMode = KarpenterMode.OverlayShared,
            CapacityType = CapacityType.Spot,
            MinSize = 0,
            DesiredSize = 0,
            MaxSize = 6,
        },
    ],
    Tags = new Dictionary<string, string> { ["team"] = "research" },
});
Console.Out.Write(ProgramWriter.Write(program));
