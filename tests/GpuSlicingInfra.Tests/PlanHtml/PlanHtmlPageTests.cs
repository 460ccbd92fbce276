using System.Text.RegularExpressions;
using GpuSlicingInfra.Cli.Output;
using HtmlPage = GpuSlicingInfra.Cli.Output.PlanHtml;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.PlanHtml;

/// <summary>
/// <c>plan --format html</c> (issue 17): one page that needs no network, draws every pool's GPUs and slices from the
/// plan, encodes every string it did not write itself, and is the same bytes for the same plan.
/// </summary>
public sealed partial class PlanHtmlPageTests
{
    [Fact]
    public void The_page_fetches_nothing_and_runs_no_script()
    {
        var page = CliRunner.Run("plan", "--stack", "dev", "--format", "html");

        Assert.Equal(0, page.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>\n", page.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", page.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", page.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", page.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", page.Stdout, StringComparison.OrdinalIgnoreCase);
        // The SVG namespace is a name, never fetched; it is the page's only URL.
        Assert.All(Url().Matches(page.Stdout), m => Assert.Equal("http://www.w3.org/2000/svg", m.Value));
        Assert.Contains("default-src 'none'", page.Stdout, StringComparison.Ordinal);
    }

    // The page carries what the text plan carries: a reviewer who reads only the page sees quotas and assumptions too.
    [Fact]
    public void Tenants_and_an_existing_clusters_assumptions_are_on_the_page()
    {
        var tenants = CliRunner.Run("plan", "--stack", "tenants", "--format", "html",
            "--project-dir", Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Fixtures", "Stacks"));
        var existing = CliRunner.Run("plan", "--stack", "shared-gpus", "--format", "html",
            "--project-dir", Path.Combine(RepoPaths.Root, "samples", "ExistingCluster"));

        Assert.Equal((0, 0), (tenants.ExitCode, existing.ExitCode));
        Assert.Contains("Tenants (slices: quota / what the pools advertise at max size; cost at max size)", tenants.Stdout, StringComparison.Ordinal);
        Assert.Contains("research-lab", tenants.Stdout, StringComparison.Ordinal);
        Assert.Contains("existing EKS cluster platform-prod (stack shared-gpus)", existing.Stdout, StringComparison.Ordinal);
        Assert.Contains("<h2>Existing cluster platform-prod: nothing of it is created, modified or imported</h2>", existing.Stdout, StringComparison.Ordinal);
        Assert.Contains("<h3>Assumed (", existing.Stdout, StringComparison.Ordinal);
        Assert.Contains("<code>aws:eks:NodeGroup</code>: gpu-notebooks-nodes", existing.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_gpu_is_drawn_split_into_its_slices_or_its_mig_partitions()
    {
        var html = HtmlPage.Render(PlanPages.Strategies(), "stack inference");

        // One cell per advertised slice of one node: GPUs per node × slices per GPU, each pool in its own section.
        foreach (var pool in PlanPages.Strategies().Pools)
        {
            var section = Section().Match(html[html.IndexOf($"<section class=\"pool\" id=\"pool-{pool.Pool}\">", StringComparison.Ordinal)..]).Value;
            Assert.Equal(pool.SlicesPerNode, SliceCell().Count(section));
        }
        // MIG partitions are as wide as their compute slices: on the mixed H100 pool a 3g.40gb is three times a 1g.10gb.
        var h100 = Section().Match(html[html.IndexOf("id=\"pool-h100-burst\"", StringComparison.Ordinal)..]).Value;
        var widths = CellWidth().Matches(h100).Select(m => (Title: m.Groups[2].Value, Width: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .GroupBy(c => c.Title).ToDictionary(g => g.Key, g => g.First().Width);
        Assert.Equal(3 * widths["1g.10gb"], widths["3g.40gb"], 0.05);
        Assert.Equal(2 * widths["1g.10gb"], widths["2g.20gb"], 0.05);
    }

    [Fact]
    public void Every_string_from_the_plan_is_encoded()
    {
        var plan = PlanPages.WithHostileWarning(PlanPages.Strategies()) with { Stack = "<b>inference</b>" };

        var html = HtmlPage.Render(plan, "stack <i>x</i>");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hostile</code>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;", html, StringComparison.Ordinal);
        Assert.Contains("<title>Plan for stack &lt;i&gt;x&lt;/i&gt;</title>", html, StringComparison.Ordinal);
        Assert.Equal("a\uFFFDb", PlanHtmlText.Encode("a\u001bb"));
    }

    [Fact]
    public void The_same_plan_gives_the_same_bytes_on_stdout_and_in_the_out_file()
    {
        var folder = Directory.CreateTempSubdirectory("plan-html-").FullName;
        try
        {
            var file = Path.Combine(folder, "plan.html");
            var stdout = CliRunner.Run("plan", "--stack", "dev", "--format", "html");
            var written = CliRunner.Run("plan", "--stack", "dev", "--out", file);

            Assert.Equal(0, written.ExitCode);
            Assert.Equal("", written.Stdout);
            Assert.Contains(file, written.Stderr, StringComparison.Ordinal);
            var bytes = File.ReadAllBytes(file);
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(stdout.Stdout), bytes);
            Assert.Equal(stdout.Stdout, CliRunner.Run("plan", "--stack", "dev", "--format", "html").Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("plan.html", null, "<!DOCTYPE html>")]
    [InlineData("plan.txt", null, "Plan for stack dev")]
    [InlineData("plan.html", "json", "{")]
    [InlineData("plan.txt", "html", "<!DOCTYPE html>")]
    public void Out_picks_html_for_an_html_name_unless_the_format_is_given(string name, string? format, string start)
    {
        var folder = Directory.CreateTempSubdirectory("plan-html-").FullName;
        try
        {
            var file = Path.Combine(folder, name);
            string[] args = format is null ? ["plan", "--stack", "dev", "--out", file] : ["plan", "--stack", "dev", "--out", file, "--format", format];

            Assert.Equal(0, CliRunner.Run(args).ExitCode);

            Assert.StartsWith(start, File.ReadAllText(file), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Out_refuses_a_directory_as_synth_does()
    {
        var folder = Directory.CreateTempSubdirectory("plan-html-").FullName;
        try
        {
            var result = CliRunner.Run("plan", "--stack", "dev", "--out", folder);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("is a directory", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Only_plan_writes_html()
    {
        var result = CliRunner.Run("validate", "--stack", "dev", "--format", "html");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("html", result.Stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://[^""'\s<>]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"^[\s\S]*?</section>")]
    private static partial Regex Section();

    [GeneratedRegex(@"<rect class=""slice""")]
    private static partial Regex SliceCell();

    [GeneratedRegex(@"<rect class=""slice"" x=""[0-9.]+"" y=""[0-9]+"" width=""([0-9.]+)""[^>]*><title>([^<]+)</title>")]
    private static partial Regex CellWidth();
}
