using System.Reflection;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Tests.Program;

/// <summary>
/// ValueConverter's maps are generated at build time (generators/ArgsMapGenerator) so Native AOT keeps them;
/// these tests pin that every type the program converts is covered and that a type outside fails loudly.
/// </summary>
public sealed class GeneratedMappingTests
{
    private static readonly Assembly Components = typeof(PulumiProgram).Assembly;

    private sealed record Foreign(string Name);

    private sealed class ForeignResource(PulumiProgram program)
        : Resource(program, "foreign", "test:index:Foreign", new Foreign("x"), null);

    [Fact]
    public void A_record_without_a_generated_map_throws_naming_it_instead_of_becoming_an_empty_map()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Expr.From(new Foreign("x")));

        Assert.Contains(typeof(Foreign).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_whose_args_are_not_mapped_fails_when_its_properties_are_written()
    {
        var resource = new ForeignResource(new PulumiProgram("p", []));

        var error = Assert.Throws<InvalidOperationException>(() => resource.Properties);
        Assert.Contains(nameof(Foreign), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_declared_outside_the_components_assembly_throws_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Expr.From(DayOfWeek.Monday));

        Assert.Contains(typeof(DayOfWeek).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_args_type_a_provider_resource_takes_is_mapped()
    {
        var argsTypes = Components.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Resource)))
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            .SelectMany(c => c.GetParameters().Where(p => p.Name == "args").Select(p => p.ParameterType))
            .Distinct()
            .ToList();

        Assert.True(argsTypes.Count >= 20, $"only {argsTypes.Count} resource args types found: the scan is broken");
        Assert.All(argsTypes, t => Assert.True(ValueConverter.IsMappedRecord(t), $"{t.FullName} has no generated map"));
    }

    [Fact]
    public void Every_record_of_the_components_assembly_that_is_not_an_expression_is_mapped()
    {
        // Nested args records (metadata options, selectors, policy statements) are reached through properties,
        // so coverage is checked over every record, not only the ones a resource takes directly.
        var records = Components.GetTypes()
            .Where(t => t.GetMethod("<Clone>$") is not null && !t.IsAbstract && !t.IsGenericType
                && !typeof(Expr).IsAssignableFrom(t) && !typeof(IExpressible).IsAssignableFrom(t))
            .ToList();

        Assert.Contains(records, t => t.Namespace == "GpuSlicingInfra.Components.Providers.Kubernetes");
        Assert.All(records, t => Assert.True(ValueConverter.IsMappedRecord(t), $"{t.FullName} has no generated map"));
    }

    [Fact]
    public void Every_enum_member_of_the_components_assembly_is_written_as_its_pulumi_name_or_camel_case()
    {
        var members = Components.GetTypes().Where(t => t.IsEnum && t.IsPublic)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .ToList();

        Assert.NotEmpty(members);
        Assert.All(members, field =>
        {
            var expected = field.GetCustomAttribute<PulumiNameAttribute>()?.Name ?? ValueConverter.CamelCase(field.Name);
            Assert.Equal(new LiteralExpr(expected), Expr.From(field.GetValue(null)));
        });
    }

    [Fact]
    public void Pulumi_name_attributes_override_the_camel_case_key_and_keys_stay_sorted_ordinally()
    {
        // Declared Service, Federated, Aws: written in ordinal key order, with the schema's exact spelling.
        var principal = new PolicyPrincipal { Service = "ec2.amazonaws.com", Federated = Expr.Text("oidc"), Aws = "*" };

        var map = Assert.IsType<MapExpr>(Expr.From(principal));

        Assert.Equal(["AWS", "Federated", "Service"], map.Entries.Select(e => e.Key));
    }
}
