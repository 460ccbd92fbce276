using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Components;

public sealed class GpuNodePoolTests
{
    [Fact]
    public void Gpu_pools_are_tainted_and_labelled_with_their_sharing_profile()
    {
        var program = TestPrograms.Platform(TestPrograms.PlatformArgs(new GpuPoolOptions { Name = "t4", Profile = "ts-4", ManagedNodeGroup = new() }));

        var nodes = program.Resource("gpu-t4-nodes");
        Assert.Equal("eks:ManagedNodeGroup", program.TypeOf("gpu-t4-nodes"));
        Assert.Equal("nvidia.com/gpu", ParsedProgram.Scalar(nodes, "properties.taints.0.key"));
        Assert.Equal("true", ParsedProgram.Scalar(nodes, "properties.taints.0.value"));
        Assert.Equal("NO_SCHEDULE", ParsedProgram.Scalar(nodes, "properties.taints.0.effect"));
        Assert.Equal("true", ParsedProgram.At(nodes, "properties", "labels", "nvidia.com/gpu.present"));
        Assert.Equal("ts-4", ParsedProgram.At(nodes, "properties", "labels", "nvidia.com/device-plugin.config"));
    }

    [Fact]
    public void Gpu_pools_use_the_nvidia_ami_sizes_and_capacity_type_from_args()
    {
        var program = TestPrograms.Platform(TestPrograms.PlatformArgs(new GpuPoolOptions
        {
            Name = "a10g",
            Profile = "exclusive",
            InstanceTypes = ["g5.xlarge", "g5.2xlarge"],
            CapacityType = CapacityType.Spot,
            ManagedNodeGroup = new() { MinSize = 1, DesiredSize = 2, MaxSize = 5 },
        }));

        var properties = ParsedProgram.Node(program.Resource("gpu-a10g-nodes"), "properties");
        Assert.Equal("AL2023_x86_64_NVIDIA", ParsedProgram.Scalar(properties, "amiType"));
        Assert.Equal("SPOT", ParsedProgram.Scalar(properties, "capacityType"));
        Assert.Equal(["g5.xlarge", "g5.2xlarge"], ((YamlDotNet.RepresentationModel.YamlSequenceNode)ParsedProgram.Node(properties, "instanceTypes")).Select(n => n.ToString()));
        Assert.Equal("1", ParsedProgram.Scalar(properties, "scalingConfig.minSize"));
        Assert.Equal("2", ParsedProgram.Scalar(properties, "scalingConfig.desiredSize"));
        Assert.Equal("5", ParsedProgram.Scalar(properties, "scalingConfig.maxSize"));
        Assert.Equal("${network-vpc.privateSubnetIds}", ParsedProgram.Scalar(properties, "subnetIds"));
    }

    [Fact]
    public void Gpu_launch_templates_require_imdsv2_with_hop_limit_one_and_encrypt_the_root_volume()
    {
        var program = TestPrograms.Platform(TestPrograms.PlatformArgs(new GpuPoolOptions { Name = "t4", Profile = "ts-4", DiskSizeGiB = 120, ManagedNodeGroup = new() }));

        var template = ParsedProgram.Node(program.Resource("gpu-t4-launch-template"), "properties");
        Assert.Equal("required", ParsedProgram.Scalar(template, "metadataOptions.httpTokens"));
        Assert.Equal("1", ParsedProgram.Scalar(template, "metadataOptions.httpPutResponseHopLimit"));
        Assert.Equal("true", ParsedProgram.Scalar(template, "blockDeviceMappings.0.ebs.encrypted"));
        Assert.Equal("gp3", ParsedProgram.Scalar(template, "blockDeviceMappings.0.ebs.volumeType"));
        Assert.Equal("120", ParsedProgram.Scalar(template, "blockDeviceMappings.0.ebs.volumeSize"));
        Assert.Equal("${gpu-t4-launch-template.id}", ParsedProgram.Scalar(program.Resource("gpu-t4-nodes"), "properties.launchTemplate.id"));
    }

    [Theory]
    [InlineData(0, 3, 2, "ManagedNodeGroup.DesiredSize")]
    [InlineData(2, 1, 3, "ManagedNodeGroup.DesiredSize")]
    [InlineData(0, 0, 0, "ManagedNodeGroup.MaxSize")]
    public void Invalid_sizes_are_rejected_naming_the_field(int min, int desired, int max, string field)
    {
        var args = new GpuPoolOptions { Name = "t4", Profile = "ts-4", ManagedNodeGroup = new() { MinSize = min, DesiredSize = desired, MaxSize = max } };

        Assert.Contains(args.Validate(), p => p.Field == field);
    }

    [Fact]
    public void Unknown_instance_types_are_rejected()
    {
        var args = new GpuPoolOptions { Name = "t4", Profile = "ts-4", InstanceTypes = ["m5.large"], ManagedNodeGroup = new() };

        var problem = Assert.Single(args.Validate());
        Assert.Equal(nameof(GpuPoolOptions.InstanceTypes), problem.Field);
        Assert.Contains("m5.large", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pool_naming_an_undefined_profile_fails_the_platform()
    {
        var args = TestPrograms.PlatformArgs(new GpuPoolOptions { Name = "t4", Profile = "missing", ManagedNodeGroup = new() });

        var error = Assert.Throws<ArgsValidationException>(() => TestPrograms.Platform(args));
        Assert.Contains(error.Problems, p => p.Field == "GpuPools[t4].Profile");
    }
}
