using System.Reflection;
using System.Text.Json;
using GpuSlicingInfra.Cli.Output;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Review.Plan;

namespace GpuSlicingInfra.Tests.Cli;

/// <summary>
/// The reports serialize through ReportJsonContext (no reflection, so Native AOT keeps them). Enums need one
/// converter each there: a report enum without one would silently turn from "error" into 0.
/// </summary>
public sealed class ReportJsonContextTests
{
    [Fact]
    public void Every_enum_a_report_holds_is_written_as_a_camel_case_string()
    {
        var enums = ReachableTypes(typeof(StackPlan), typeof(ValidationReport)).Where(t => t.IsEnum).ToList();

        Assert.NotEmpty(enums);
        Assert.All(enums.SelectMany(t => Enum.GetValues(t).Cast<object>()), value =>
            Assert.Equal($"\"{ValueConverter.CamelCase(value.ToString()!)}\"", JsonSerializer.Serialize(value, value.GetType(), ReportJson.Options)));
    }

    [Fact]
    public void Report_options_resolve_metadata_from_the_generated_context_only()
    {
        Assert.Same(ReportJsonContext.Default, ReportJson.Options.TypeInfoResolver);
        // A type the context does not list has no metadata, rather than falling back to reflection.
        Assert.Throws<NotSupportedException>(() => ReportJson.Options.GetTypeInfo(typeof(Uri)));
    }

    // Property types of the reports, through lists, nullables and nested records of this solution.
    private static HashSet<Type> ReachableTypes(params Type[] roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type))
            {
                continue;
            }
            foreach (var argument in type.GetGenericArguments())
            {
                pending.Push(argument);
            }
            if (type.Namespace?.StartsWith("GpuSlicingInfra", StringComparison.Ordinal) == true && !type.IsEnum)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Push(property.PropertyType);
                }
            }
        }
        return seen;
    }
}
