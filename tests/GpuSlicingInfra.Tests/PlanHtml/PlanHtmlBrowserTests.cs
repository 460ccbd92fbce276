using GpuSlicingInfra.Cli.Output;
using HtmlPage = GpuSlicingInfra.Cli.Output.PlanHtml;

namespace GpuSlicingInfra.Tests.PlanHtml;

/// <summary>
/// The HTML plan opened in a real browser (headless Chromium): the DOM it builds holds the pools, cost and warnings,
/// markup in a warning stays text, and the screenshot shows the drawn slices and MIG partitions.
/// </summary>
public sealed class PlanHtmlBrowserTests
{
    [Fact]
    public async Task Chromium_renders_the_pools_cost_and_warnings_and_draws_the_slices()
    {
        var browser = Chromium.Require();
        var plan = PlanPages.WithHostileWarning(PlanPages.Strategies());
        var folder = Directory.CreateTempSubdirectory("plan-html-browser-").FullName;
        try
        {
            var page = Path.Combine(folder, "plan.html");
            await File.WriteAllTextAsync(page, HtmlPage.Render(plan, "stack inference"), TestContext.Current.CancellationToken);

            var dom = (await Chromium.RunAsync(browser, page, Path.Combine(folder, "profile-dom"), "--dump-dom")).Stdout;
            Assert.All(plan.Pools, p => Assert.Contains($"<h3>pool {p.Pool}</h3>", dom, StringComparison.Ordinal));
            Assert.Contains(Formats.Monthly(plan.Totals.AtDesired.Monthly), dom, StringComparison.Ordinal);
            Assert.All(plan.Warnings.Select(w => w.Code).Where(c => !c.Contains('<', StringComparison.Ordinal)), code => Assert.Contains($"<code>{code}</code>", dom, StringComparison.Ordinal));
            // The browser parsed the hostile warning as text: no element came of it.
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;", dom, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", dom, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", dom, StringComparison.Ordinal);

            var screenshot = Path.Combine(folder, "plan.png");
            _ = await Chromium.RunAsync(browser, page, Path.Combine(folder, "profile-png"), "--window-size=1200,900", $"--screenshot={screenshot}");
            var png = PngPixels.Read(await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken));
            Assert.Equal((1200, 900), (png.Width, png.Height));
            Assert.True(png.DominantShare() < 0.95, $"the screenshot is {png.DominantShare():P0} one colour: nothing was drawn");
            // Slice cells (time-slicing, MPS) and MIG partitions, in their fills, within the first screen.
            Assert.True(png.Count(0x3b, 0x82, 0xf6) > 1000, "no time-slicing cells in the screenshot");
            Assert.True(png.Count(0x8b, 0x5c, 0xf6) > 1000, "no MIG partitions in the screenshot");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
