using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Safety;

/// <summary>Protection, retain-on-delete and delete-before-replace options of the shipped stacks.</summary>
public sealed class ResourceSafetyOptionsTests
{
    private static readonly string[] ProtectedTypes = ["eks:Cluster", "eks:ManagedNodeGroup", "awsx:ec2:Vpc", "aws:kms:Key"];

    private static PulumiProgram Program(string stack) => StackProgram.Build(SettingsBinder.Bind(StackFixtures.Shipped(stack)));

    [Fact]
    public void Prod_protects_the_cluster_node_groups_vpc_and_kms_key()
    {
        var resources = Program("prod").Resources;

        foreach (var type in ProtectedTypes)
        {
            var ofType = resources.Where(r => r.Type == type).ToList();
            Assert.NotEmpty(ofType);
            Assert.All(ofType, r => Assert.True(r.Options.Protect, $"{r.Name} ({type}) is not protected in prod"));
        }
    }

    [Fact]
    public void Dev_protects_nothing_so_it_can_be_torn_down()
    {
        Assert.DoesNotContain(Program("dev").Resources, r => r.Options.Protect || r.Options.RetainOnDelete);
    }

    [Fact]
    public void Prod_retains_the_kms_key_whose_loss_would_make_encrypted_data_unreadable()
    {
        var resources = Program("prod").Resources;

        Assert.All(resources.Where(r => r.Type == "aws:kms:Key"), r => Assert.True(r.Options.RetainOnDelete));
        Assert.Equal(["aws:kms:Key"], resources.Where(r => r.Options.RetainOnDelete).Select(r => r.Type).Distinct());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Resources_with_fixed_names_delete_before_replace(string stack)
    {
        var resources = Program(stack).Resources;
        string[] fixedNameTypes = ["kubernetes:core/v1:Namespace", "kubernetes:core/v1:ConfigMap", "kubernetes:helm.sh/v3:Release", "aws:iam:Role"];

        foreach (var type in fixedNameTypes)
        {
            var ofType = resources.Where(r => r.Type == type).ToList();
            Assert.NotEmpty(ofType);
            Assert.All(ofType, r => Assert.True(r.Options.DeleteBeforeReplace, $"{r.Name} ({type}) has a fixed name but no deleteBeforeReplace"));
        }
    }

    [Fact]
    public void Node_groups_use_name_prefixes_and_so_replace_without_deleting_first()
    {
        var nodeGroups = Program("prod").Resources.Where(r => r.Type == "eks:ManagedNodeGroup").ToList();

        Assert.All(nodeGroups, r => Assert.False(r.Options.DeleteBeforeReplace));
    }

    [Fact]
    public void The_written_program_carries_the_options()
    {
        var program = new ParsedProgram(ProgramWriter.Write(Program("prod")));

        Assert.Equal("true", ParsedProgram.Scalar(program.Resource("nvidia-device-plugin"), "options.deleteBeforeReplace"));
        Assert.Equal("true", ParsedProgram.Scalar(program.Resource("cluster-secrets-key"), "options.retainOnDelete"));
        Assert.Equal("true", ParsedProgram.Scalar(program.Resource("cluster-eks"), "options.protect"));
    }
}
