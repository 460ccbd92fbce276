using System.Text.Json;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Review.Policy;
using GpuSlicingInfra.Tests.Support;
using Json.Schema;

namespace GpuSlicingInfra.Tests.Tenancy;

/// <summary>
/// plan on the fixture stack 'tenants': pool shared is 4 × g5.xlarge at max (1 A10G each, 4 slices per GPU: 16
/// nvidia.com/gpu.shared); pool mps is 2 × g6.xlarge at max (1 L4 each, 4 MPS clients per GPU: 8 nvidia.com/gpu).
/// serving is promised 8 shared slices, research 12 shared and 8 MPS.
/// </summary>
public sealed class TenantPlanTests
{
    private static StackPlan Plan() => ReviewFixtures.Plan(TenantFixture.Settings, TenantFixture.ProgramYaml, FixedClock.Today);

    [Fact]
    public void Each_tenant_shows_slices_promised_against_what_its_pools_offer_at_max()
    {
        var tenants = Plan().Tenants;

        Assert.Equal(["research", "serving"], tenants.Select(t => t.Tenant));
        Assert.Equal([new TenantSlices("nvidia.com/gpu", 8, 8), new TenantSlices("nvidia.com/gpu.shared", 12, 16)], tenants[0].Slices);
        Assert.Equal([new TenantSlices("nvidia.com/gpu.shared", 8, 16)], tenants[1].Slices);
        Assert.Equal("research-lab", tenants[0].Namespace);
        Assert.Equal(["shared", "mps"], tenants[0].Pools);
    }

    [Fact]
    public void A_tenants_cost_is_its_promised_slices_at_its_pools_price_per_slice()
    {
        var plan = Plan();
        var shared = plan.Pools.Single(p => p.Pool == "shared");
        var mps = plan.Pools.Single(p => p.Pool == "mps");
        var serving = plan.Tenants.Single(t => t.Tenant == "serving");
        var research = plan.Tenants.Single(t => t.Tenant == "research");

        // serving: 8 of shared's 16 slices, so half its cost at max; research: 12/16 of shared and all of mps.
        Assert.Equal(Math.Round(shared.AtMax.Hourly / 2, 4), serving.CostAtMax.Hourly);
        Assert.Equal(Math.Round(shared.AtMax.Hourly * 12 / 16 + mps.AtMax.Hourly, 4), research.CostAtMax.Hourly);
        Assert.Equal(Math.Round(serving.CostAtMax.Hourly / (shared.AtMax.Hourly + mps.AtMax.Hourly), 4), serving.ShareOfGpuCostAtMax);
    }

    [Fact]
    public void Promising_more_shared_slices_than_the_pool_offers_is_a_warning_with_the_numbers()
    {
        var warning = Assert.Single(Plan().Warnings, w => w.Code.StartsWith("tenant", StringComparison.Ordinal));

        Assert.Equal("tenants-oversubscribed", warning.Code);
        Assert.Contains("tenants research, serving are promised 20 nvidia.com/gpu.shared together, but their pools that advertise it (shared) offer at most 16", warning.Message, StringComparison.Ordinal);
        Assert.Equal("gpu-slicing-infra:tenants.research.slices.nvidia.com/gpu.shared", warning.KeyPath);
    }

    [Fact]
    public void One_tenant_promised_more_than_its_pools_offer_is_warned_on_its_own_key()
    {
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(StackFixtures.MinimalYaml(
            "  gpu-slicing-infra:tenants:\n    team-a:\n      pools: [t4]\n      slices: {nvidia.com/gpu: 40}")));

        var warning = Assert.Single(ReviewFixtures.Plan(settings, program, FixedClock.Today).Warnings, w => w.Code == "tenant-oversubscribed");

        Assert.Matches(@"^tenant team-a is promised 40 nvidia\.com/gpu but its pools that advertise it \(t4\) offer at most \d+ at their maximum size\.$", warning.Message);
        Assert.Equal("gpu-slicing-infra:tenants.team-a.slices.nvidia.com/gpu", warning.KeyPath);
    }

    [Fact]
    public void Plan_json_with_tenants_validates_against_the_schema_and_the_text_shows_them()
    {
        // A registry of its own: PlanSchemaTests has already registered the schema's $id in the default one.
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "plan.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var dir = Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Fixtures", "Stacks");

        var json = CliRunner.Run("plan", "--stack", "tenants", "--project-dir", dir, "--format", "json");
        var text = CliRunner.Run("plan", "--stack", "tenants", "--project-dir", dir);

        using var document = JsonDocument.Parse(json.Stdout);
        Assert.True(schema.Evaluate(document.RootElement).IsValid);
        Assert.Equal(2, document.RootElement.GetProperty("tenants").GetArrayLength());
        Assert.Contains("Tenants (slices: quota / what the pools advertise", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("12 / 16", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_shows_the_plan_output_of_the_fixture_stack()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Tenants and fair shares", StringComparison.Ordinal)..];
        var start = section.IndexOf("```text\n", StringComparison.Ordinal) + "```text\n".Length;
        var example = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];

        var output = CliRunner.Run("plan", "--stack", "tenants", "--project-dir", Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Fixtures", "Stacks")).Stdout;

        Assert.Contains("Tenants (", example, StringComparison.Ordinal);
        Assert.All(example.TrimEnd('\n').Split('\n'), line => Assert.Contains(line, output, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_reports_the_oversubscription_as_gsi016_on_the_tenants_key()
    {
        var settings = TenantFixture.Settings;

        var finding = Assert.Single(PolicyRules.Run(ReviewFixtures.Policy(settings, TenantFixture.ProgramYaml)), f => f.RuleId == "GSI016");

        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.Equal("gpu-slicing-infra:tenants.research.slices.nvidia.com/gpu.shared", finding.KeyPath);
        Assert.Contains("promised 20 nvidia.com/gpu.shared together", finding.Message, StringComparison.Ordinal);
    }
}
