using System.Text.RegularExpressions;
using GpuSlicingInfra.Stacks.StackReview;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Workflows;

/// <summary>The GitHub workflows parse and keep the steps and permissions the deployment relies on.</summary>
public sealed class WorkflowTests
{
    private static YamlMappingNode Load(string name) =>
        ParsedProgram.LoadMap(File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", name)));

    private static YamlMappingNode Job(YamlMappingNode workflow, string job) => (YamlMappingNode)ParsedProgram.Node(workflow, "jobs." + job);

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>();

    private static YamlMappingNode PulumiStep(YamlMappingNode job) =>
        Steps(job).Single(s => s.Children.TryGetValue("uses", out var uses) && uses.ToString().StartsWith("pulumi/actions@", StringComparison.Ordinal));

    [Fact]
    public void Preview_runs_pulumi_preview_with_diff_and_a_pr_comment_for_each_stack()
    {
        var job = Job(Load("preview.yml"), "pulumi-preview");

        var step = PulumiStep(job);
        Assert.Equal("preview", ParsedProgram.Scalar(step, "with.command"));
        Assert.Equal("true", ParsedProgram.Scalar(step, "with.diff"));
        Assert.Equal("true", ParsedProgram.Scalar(step, "with.comment-on-pr"));
        Assert.Equal("write", ParsedProgram.Scalar(job, "permissions.pull-requests"));
    }

    [Fact]
    public void Cloud_jobs_use_oidc_and_never_long_lived_aws_keys()
    {
        foreach (var (file, job) in new[] { ("preview.yml", "pulumi-preview"), ("deploy.yml", "deploy") })
        {
            var node = Job(Load(file), job);
            Assert.Equal("write", ParsedProgram.Scalar(node, "permissions.id-token"));
            var aws = Steps(node).Single(s => s.Children.TryGetValue("uses", out var u) && u.ToString().StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal));
            Assert.True(ParsedProgram.Has(aws, "with.role-to-assume"), $"{file}/{job} must assume a role");
            Assert.DoesNotContain("AWS_SECRET_ACCESS_KEY", File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Forks_get_the_offline_plan_but_never_the_secrets_job()
    {
        var workflow = Load("preview.yml");

        Assert.Contains("head.repo.full_name == github.repository", ParsedProgram.Scalar(Job(workflow, "pulumi-preview"), "if"), StringComparison.Ordinal);
        var offline = Job(workflow, "offline-plan");
        Assert.False(offline.Children.ContainsKey("if"));
        Assert.Contains(Steps(offline), s => s.Children.TryGetValue("run", out var run) && run.ToString().Contains("plan --stack", StringComparison.Ordinal) && run.ToString().Contains("--against", StringComparison.Ordinal));
        Assert.Equal("read", ParsedProgram.Scalar(workflow, "permissions.contents"));
    }

    [Fact]
    public void Deploy_runs_up_on_main_one_stack_at_a_time_each_in_its_own_environment()
    {
        var workflow = Load("deploy.yml");

        Assert.Equal("main", ParsedProgram.Scalar(workflow, "on.push.branches.0"));
        var deploy = Job(workflow, "deploy");
        Assert.Equal("${{ matrix.stack }}", ParsedProgram.Scalar(deploy, "environment"));
        Assert.Equal(["test", "stacks"], ((YamlSequenceNode)deploy["needs"]).Select(n => n.ToString()));
        Assert.Equal("1", ParsedProgram.Scalar(deploy, "strategy.max-parallel"));
        Assert.Equal("true", ParsedProgram.Scalar(deploy, "strategy.fail-fast"));
        Assert.Equal("up", ParsedProgram.Scalar(PulumiStep(deploy), "with.command"));
        Assert.EndsWith("/${{ matrix.stack }}", ParsedProgram.Scalar(PulumiStep(deploy), "with.stack-name"), StringComparison.Ordinal);
        Assert.Equal("false", ParsedProgram.Scalar(deploy, "concurrency.cancel-in-progress"));
        Assert.Contains(Steps(deploy), s => s.Children.TryGetValue("run", out var run) && run.ToString().Contains("matrix.strict && '--strict'", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_job_that_runs_pulumi_picks_its_runner_per_stack_defaulting_to_self_hosted()
    {
        // GitHub-hosted runners reach neither prod's private endpoint nor dev's office-CIDR public one.
        var jobs = new[] { "preview.yml", "deploy.yml" }
            .SelectMany(file => ((YamlMappingNode)Load(file)["jobs"]).Children.Select(j => (File: file, Name: j.Key.ToString(), Job: (YamlMappingNode)j.Value)))
            .Where(j => Steps(j.Job).Any(s => s.Children.TryGetValue("uses", out var uses) && uses.ToString().StartsWith("pulumi/actions@", StringComparison.Ordinal)))
            .ToList();

        Assert.Equal([("preview.yml", "pulumi-preview"), ("deploy.yml", "deploy")], jobs.Select(j => (j.File, j.Name)));
        foreach (var (_, _, job) in jobs)
        {
            var runsOn = ParsedProgram.Scalar(job, "runs-on");
            Assert.Contains("PULUMI_RUNNER_", runsOn, StringComparison.Ordinal);
            Assert.Contains("fromJSON(", runsOn, StringComparison.Ordinal);
            Assert.Contains("\"self-hosted\"", runsOn, StringComparison.Ordinal);
            Assert.DoesNotContain("ubuntu-latest", runsOn, StringComparison.Ordinal);
        }
        // One matrix job per workflow: the variable is named after the matrix's stack.
        Assert.All(jobs, j => Assert.Contains("format('PULUMI_RUNNER_{0}', matrix.stack)", ParsedProgram.Scalar(j.Job, "runs-on"), StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_lists_every_variable_the_workflows_read_and_each_stacks_runner_variable()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## CI/CD", StringComparison.Ordinal)..readme.IndexOf("## Troubleshooting", StringComparison.Ordinal)];
        var read = new[] { "preview.yml", "deploy.yml" }
            .SelectMany(f => Regex.Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", f)), @"vars\.([A-Z0-9_]+)").Select(m => m.Groups[1].Value))
            .Concat(Directory.GetFiles(RepoPaths.Root, "Pulumi.*.yaml").Select(f => DeployAccessPlanWarnings.RunnerVariable(Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length])))
            .Distinct(StringComparer.Ordinal);

        Assert.All(read, name => Assert.Contains($"`{name}`", section, StringComparison.Ordinal));
    }
}
