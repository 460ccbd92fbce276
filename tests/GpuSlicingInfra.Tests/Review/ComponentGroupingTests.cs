using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Review;

/// <summary>Plan groups resources by the component recorded as their owner, not by their names.</summary>
public sealed class ComponentGroupingTests
{
    [Fact]
    public void Resources_group_by_their_owning_component_in_order_of_first_resource_and_unowned_ones_fall_in_other()
    {
        // Given a program whose resource names say nothing about their owners
        var program = new PulumiProgram("p", []);
        _ = new TestResource(program, "loose-a");
        using (program.BeginComponent("GpuNodePool", "burst"))
        {
            _ = new TestResource(program, "x1");
        }
        using (program.BeginComponent("Cluster", "main"))
        {
            _ = new TestResource(program, "x2");
        }
        using (program.BeginComponent("GpuNodePool", "burst"))
        {
            _ = new TestResource(program, "x3");
        }
        _ = new TestResource(program, "loose-b");

        // When the program is read back and grouped
        var groups = ComponentGrouping.Group(ProgramSnapshot.From(program, "test"));

        // Then each owner is one group, named "Kind name", and the unowned resources share one
        Assert.Equal(["other", "GpuNodePool burst", "Cluster main"], groups.Select(g => g.Component));
        Assert.Equal(["loose-a", "loose-b"], groups[0].Resources.Select(r => r.Name));
        Assert.Equal(["x1", "x3"], groups[1].Resources.Select(r => r.Name));
        Assert.Equal("burst", groups[1].Prefix);
        Assert.Equal("", groups[0].Prefix);
    }

    [Fact]
    public void A_parsed_program_file_has_no_owners_so_all_its_resources_are_in_one_group()
    {
        var snapshot = ProgramSnapshot.Parse("""
            resources:
              cluster-eks:
                type: eks:Cluster
              gpu-t4-nodes:
                type: eks:ManagedNodeGroup
            """, "file.yaml");

        var group = Assert.Single(ComponentGrouping.Group(snapshot));

        Assert.Equal(ComponentGrouping.Unowned, group.Component);
        Assert.Equal(["cluster-eks", "gpu-t4-nodes"], group.Resources.Select(r => r.Name));
    }
}
