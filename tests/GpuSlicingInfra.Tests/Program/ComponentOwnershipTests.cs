using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Program;

/// <summary>Each resource records the innermost component open when it was added.</summary>
public sealed class ComponentOwnershipTests
{
    private static PulumiProgram NewProgram() => new("p", []);

    [Fact]
    public void A_resource_added_inside_a_component_records_it_and_one_outside_records_none()
    {
        var program = NewProgram();
        var outside = new TestResource(program, "outside");
        Resource inside;
        using (program.BeginComponent("Cluster", "cluster"))
        {
            inside = new TestResource(program, "cluster-eks");
        }
        var after = new TestResource(program, "after");

        Assert.Null(outside.Component);
        Assert.Equal(new ComponentIdentity("Cluster", "cluster"), inside.Component);
        Assert.Null(after.Component);
    }

    [Fact]
    public void The_innermost_component_owns_a_resource_and_the_outer_one_resumes_after_it()
    {
        var program = NewProgram();
        Resource inner, outer;
        using (program.BeginComponent("GpuSlicingPlatform", "ml"))
        {
            using (program.BeginComponent("Network", "ml-network"))
            {
                inner = new TestResource(program, "ml-network-vpc");
            }
            outer = new TestResource(program, "ml-name-suffix");
        }

        Assert.Equal("Network ml-network", inner.Component!.ToString());
        Assert.Equal(new ComponentIdentity("GpuSlicingPlatform", "ml"), outer.Component);
    }

    [Fact]
    public void Closing_an_outer_scope_before_its_inner_one_is_refused()
    {
        var program = NewProgram();
        var outer = program.BeginComponent("A", "a");
        _ = program.BeginComponent("B", "b");

        var error = Assert.Throws<InvalidOperationException>(outer.Dispose);

        Assert.Contains("A a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_component_has_an_empty_name_shown_as_its_kind_alone_and_a_blank_one_is_refused()
    {
        var program = NewProgram();
        Resource root;
        using (program.BeginComponent("GpuSlicingPlatform", ""))
        {
            root = new TestResource(program, "name-suffix");
        }

        Assert.Equal("GpuSlicingPlatform", root.Component!.ToString());
        Assert.Equal("", root.Component.Name);
        Assert.Throws<ArgumentException>(() => program.BeginComponent("GpuSlicingPlatform", "  "));
    }
}
