using System.Text.Json;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>The recipe verbs and options of the real <c>boxer</c>: listing, --plan, and recipe errors.</summary>
public sealed class RecipeCliSpecs : IDisposable
{
    private readonly TempDir _dir = new("boxer-recipe-cli-");

    [Fact]
    public async Task I_can_list_the_shipped_recipes_with_their_descriptions()
    {
        var result = await BoxerHost.RunAsync("recipes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "minimal        Only cleans: removes kernel sources, modules and the meta-repo, and changes no configuration.",
                "openrc-server  Finalizes an OpenRC (or systemd) stage3 into a container that boots its init; the default recipe. (default)",
                "sshd           openrc-server plus sshd in the default runlevel; host keys are made at first boot, never baked into the image.",
            ],
            result.StdOutLines);
    }

    [Fact]
    public async Task Plan_prints_what_the_default_recipe_changes_and_writes_no_output()
    {
        var output = _dir.Combine("image.tar");

        var result = await RunAsync("docker", "--stage", Fixtures.Basic("tar"), "--out", output, "--plan");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Plan: openrc-server.csx for docker", result.StdOutLines[0]);
        Assert.Contains("sysinit/udev: keyword -containers", result.StdOutLines);
        Assert.Contains("+rc_sys=\"docker\"", result.StdOutLines);
        Assert.Contains("StopSignal: SIGPWR", result.StdOutLines);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task A_plan_needs_none_of_the_options_only_writing_needs()
    {
        // docker's --tag/--out say where the image goes; a plan writes nothing, so it must not ask for them.
        var result = await RunAsync("recipe", "openrc-server.csx", "--target", "docker", "--stage", Fixtures.Basic("tar"), "--plan");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Plan: openrc-server.csx for docker", result.StdOutLines[0]);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task A_plan_still_refuses_options_that_contradict_each_other()
    {
        var result = await RunAsync("docker", "--stage", Fixtures.Basic("tar"), "--push", "--plan");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--push needs --tag", result.StdErr);
    }

    [Fact]
    public async Task Plan_json_is_one_json_document_on_stdout()
    {
        var result = await RunAsync("recipe", "sshd", "--target", "docker", "--stage", Fixtures.Basic("tar"),
            "--out", _dir.Combine("image.tar"), "--plan", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal("sshd.csx", json.RootElement.GetProperty("recipe").GetProperty("name").GetString());
        Assert.Equal(["22/tcp"], json.RootElement.GetProperty("image").GetProperty("exposedPorts").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_recipe_that_does_not_compile_fails_with_the_compiler_line()
    {
        var recipe = _dir.Combine("broken.csx");
        await File.WriteAllTextAsync(recipe, "// broken\nLog.Info(nope);\n");

        var result = await RunAsync("recipe", recipe, "--target", "docker", "--stage", Fixtures.Basic("tar"), "--out", _dir.Combine("x.tar"));

        Assert.Equal(3, result.ExitCode);
        Assert.Equal([$"boxer: {recipe}:2:10: error CS0103: The name 'nope' does not exist in the current context"], result.StdErrLines);
        Assert.DoesNotContain("import", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipe_that_fails_names_its_line_and_shows_the_stack_trace_only_when_verbose()
    {
        var recipe = _dir.Combine("fails.csx");
        await File.WriteAllTextAsync(recipe, "// fails\nLog.Info(\"x\");\nFiles.Replace(\"/etc/absent\", \"a\", \"b\");\n");
        string[] args = ["recipe", recipe, "--target", "docker", "--stage", Fixtures.Basic("tar"), "--out", _dir.Combine("x.tar")];

        var plain = await RunAsync(args);
        var verbose = await RunAsync([.. args, "--verbose"]);

        Assert.Equal(3, plain.ExitCode);
        Assert.Equal([$"boxer: {recipe}:3: Files.Replace: /etc/absent does not exist"], plain.StdErrLines.Where(l => l.StartsWith("boxer:", StringComparison.Ordinal)));
        Assert.DoesNotContain(plain.StdErrLines, l => l.StartsWith("at ", StringComparison.Ordinal));
        Assert.Contains(verbose.StdErrLines, l => l.StartsWith("at Boxer.Core.Recipes.Helpers.FilesHelper.Replace", StringComparison.Ordinal));
        Assert.False(File.Exists(_dir.Combine("x.tar")));
    }

    [Fact]
    public async Task An_unknown_recipe_name_says_where_boxer_looked()
    {
        var result = await RunAsync("docker", "--stage", Fixtures.Basic("tar"), "--out", _dir.Combine("x.tar"), "--recipe", "nope");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("boxer: recipe not found: nope (looked in ./, ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Planning_with_no_recipe_is_a_usage_error()
    {
        var result = await RunAsync("docker", "--stage", Fixtures.Basic("tar"), "--out", _dir.Combine("x.tar"), "--recipe", "none", "--plan");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["boxer: --plan needs a recipe; --recipe none changes nothing (see --help)"], result.StdErrLines);
    }

    [Fact]
    public async Task Json_without_plan_builds_and_streams_events_instead_of_the_plan()
    {
        var result = await RunAsync("docker", "--stage", Fixtures.Basic("tar"), "--out", _dir.Combine("x.tar"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(_dir.Combine("x.tar")), result.ToString());
        Assert.StartsWith("{\"type\":\"result\",", result.StdOutLines[^1]);
    }

    private Task<ProcessResult> RunAsync(params string[] args) =>
        BoxerHost.RunAsync(args, new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = _dir.Combine("cache") });

    public void Dispose() => _dir.Dispose();
}
