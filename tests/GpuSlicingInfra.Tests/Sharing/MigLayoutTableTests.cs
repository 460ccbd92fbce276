using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Sharing;

/// <summary>The MIG layout table in code against the GPU Operator's default-mig-parted-config.yaml it was copied from.</summary>
public sealed class MigLayoutTableTests
{
    [Fact]
    public void Every_layout_count_matches_the_upstream_file()
    {
        var configMap = TypedYaml.Load(RepoPaths.SharedFile("upstream/gpu-operator/default-mig-parted-config.yaml"));
        var config = new YamlStream();
        config.Load(new StringReader(ParsedProgram.At(configMap, "data", "config.yaml")));
        var layouts = (YamlMappingNode)((YamlMappingNode)config.Documents[0].RootNode)["mig-configs"];
        var compared = 0;
        foreach (var name in MigLayouts.Names)
        {
            foreach (var gpu in MigLayouts.GpusOf(name))
            {
                Assert.Equal(Upstream((YamlSequenceNode)layouts[name], gpu), MigLayouts.Devices(name, gpu));
                compared++;
            }
        }
        Assert.True(compared >= 30, $"only {compared} layout entries compared");
    }

    [Fact]
    public void Every_mig_gpu_of_the_catalog_has_layouts()
    {
        var migGpus = GpuInstanceCatalog.BuiltIn.All.Select(GpuModels.Of).Select(f => f?.Mig).OfType<MigGpu>().Distinct();

        Assert.All(migGpus, g => Assert.Contains(MigLayouts.Names, n => MigLayouts.Devices(n, g) is not null));
    }

    // The entry whose device-filter names the GPU, else the one entry without a filter.
    private static Dictionary<string, int> Upstream(YamlSequenceNode entries, MigGpu gpu)
    {
        var entry = entries.Cast<YamlMappingNode>().SingleOrDefault(e => Filters(e).Contains(gpu.PciDeviceId))
            ?? entries.Cast<YamlMappingNode>().Single(e => Filters(e).Count == 0);
        return ((YamlMappingNode)entry["mig-devices"]).Children.ToDictionary(
            d => ((YamlScalarNode)d.Key).Value!, d => int.Parse(((YamlScalarNode)d.Value).Value!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<string> Filters(YamlMappingNode entry) =>
        !entry.Children.TryGetValue("device-filter", out var filter) ? []
        : filter is YamlSequenceNode list ? [.. list.Cast<YamlScalarNode>().Select(s => s.Value!)]
        : [((YamlScalarNode)filter).Value!];
}
