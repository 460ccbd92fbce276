using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Tests.Packaging;

/// <summary>
/// Every optional member of a public options record says what happens when it is left out, like aws-cdk's
/// awslint rule that each optional prop carries a <c>@default</c> (conventions.md, "Components").
/// </summary>
public sealed class OptionDefaultsDocumentedTests
{
    private static readonly Assembly Library = typeof(GpuSlicingPlatformOptions).Assembly;

    [Fact]
    public void Each_optional_init_member_of_a_public_options_record_documents_its_default()
    {
        var summaries = Summaries();
        var optional = OptionsRecords()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(IsInit)
            .Where(p => p.GetCustomAttribute<RequiredMemberAttribute>() is null)
            .ToList();

        var undocumented = optional
            .Where(p => !summaries.TryGetValue($"P:{p.DeclaringType!.FullName}.{p.Name}", out var summary) || !summary.Contains("Default:", StringComparison.Ordinal))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.True(optional.Count > 40, $"only {optional.Count} optional members found: the reflection missed the records");
        Assert.True(undocumented.Count == 0, "optional members without \"Default:\" in their summary: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void The_options_records_are_the_components_inputs_and_none_still_carries_wiring()
    {
        var names = OptionsRecords().Select(t => t.Name).ToList();

        Assert.Contains("GpuPoolOptions", names);
        Assert.Contains("KarpenterPoolOptions", names);
        Assert.Contains("ManagedNodeGroupOptions", names);
        // Wiring (resources, outputs) is a constructor parameter, never an option a user could leave out.
        var wiring = OptionsRecords().SelectMany(t => t.GetProperties())
            .Where(p => typeof(Resource).IsAssignableFrom(p.PropertyType)
                || p.PropertyType.Namespace == typeof(Resource).Namespace)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
        Assert.Empty(wiring);
    }

    // Public records (they have a compiler-generated EqualityContract) named *Options, outside the program
    // model: its ResourceOptions are Pulumi's resource options, which the components set, not a user.
    private static IEnumerable<Type> OptionsRecords() => Library.GetExportedTypes()
        .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)
            && t.Namespace != typeof(Resource).Namespace
            && t.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static bool IsInit(PropertyInfo property) =>
        property.SetMethod is { IsPublic: true } setter
        && setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static Dictionary<string, string> Summaries()
    {
        var file = Path.ChangeExtension(Library.Location, ".xml");
        Assert.True(File.Exists(file), $"{file} is missing: the components project must generate its XML documentation");
        return XDocument.Load(file).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => string.Concat(m.Element("summary")!.DescendantNodes().OfType<XText>().Select(t => t.Value)));
    }
}
