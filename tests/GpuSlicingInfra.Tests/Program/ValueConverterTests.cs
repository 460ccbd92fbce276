using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Eks;

namespace GpuSlicingInfra.Tests.Program;

public sealed class ValueConverterTests
{
    [Fact]
    public void Args_records_become_camel_case_maps_sorted_by_key_without_nulls()
    {
        var expr = Expr.From(new NodeGroupTaintArgs { Key = "k", Effect = "NO_SCHEDULE" });

        var map = Assert.IsType<MapExpr>(expr);
        Assert.Equal(["effect", "key"], map.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Dictionaries_are_sorted_ordinally_whatever_their_insertion_order()
    {
        var expr = Expr.From(new Dictionary<string, string> { ["b"] = "2", ["B"] = "1", ["a"] = "3" });

        Assert.Equal(["B", "a", "b"], Assert.IsType<MapExpr>(expr).Entries.Select(e => e.Key));
    }

    [Fact]
    public void Typed_outputs_pass_through_as_references()
    {
        var output = new Output<string>(new ReferenceExpr("cluster").Property("kubeconfigJson"));
        Input<string> input = output;

        Assert.Equal(new ReferenceExpr("cluster", ["kubeconfigJson"]), input.Expr);
    }
}
