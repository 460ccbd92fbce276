using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Components.Program;

// A research team's stack, composed from the package (the program's root platform: name "", so its
// resources have bare logical names): a managed g5 pool whose A10G GPUs are
// time-sliced four ways for notebooks, and an L4 pool that Karpenter scales from zero, advertising
// eight nvidia.com/gpu.shared slices per GPU to batch inference.
var program = new PulumiProgram("research-gpu", stackConfigKeys: [], "Research GPU cluster built on GpuSlicingInfra.Components");
var platform = new GpuSlicingPlatform(program, "", new GpuSlicingPlatformOptions
{
    Environment = "research",
    Network = new NetworkOptions { CidrBlock = "10.80.0.0/16", AvailabilityZoneCount = 3, NatGateways = NatGatewayStrategy.SingleGateway },
    Cluster = new ClusterOptions
    {
        Name = "research-gpu",
        KubernetesVersion = "1.35",
        AdminPrincipalArns = ["arn:aws:iam::210987654321:role/research-admins"],
        SystemInstanceType = "m6i.large",
    },
    DevicePlugin = new NvidiaDevicePluginOptions
    {
        Profiles =
        [
            new SharingProfileOptions { Name = "notebooks-4", Replicas = 4, FailRequestsGreaterThanOne = true },
            new SharingProfileOptions { Name = "inference-8", Replicas = 8, RenameByDefault = true },
        ],
        DefaultProfile = "notebooks-4",
    },
    Karpenter = new KarpenterOptions { Enabled = true, Replicas = 2 },
    GpuPools =
    [
        new GpuPoolOptions
        {
            Name = "notebooks",
            Profile = "notebooks-4",
            InstanceTypes = ["g5.xlarge"],
            ManagedNodeGroup = new ManagedNodeGroupOptions { MinSize = 1, DesiredSize = 2, MaxSize = 4 },
        },
        new GpuPoolOptions
        {
            Name = "inference",
            Profile = "inference-8",
            InstanceTypes = ["g6.xlarge", "g6.2xlarge"],
            CapacityType = CapacityType.Spot,
            Karpenter = new KarpenterPoolOptions { Mode = KarpenterMode.OverlayShared, MaxNodes = 6 },
        },
    ],
    Tags = new Dictionary<string, string> { ["team"] = "research" },
});
// The program's owner decides its stack outputs; the platform only exposes the values.
program.AddOutput("clusterName", platform.ClusterName);
program.AddOutput("kubeconfig", Expr.Secret(platform.Kubeconfig));
program.AddOutput("gpuCapacity", Expr.From(platform.GpuCapacity));
foreach (var warning in platform.Warnings)
{
    Console.Error.WriteLine($"warning: {warning}");
}
Console.Out.Write(ProgramWriter.Write(program));
