using Boxer.Host.Tests.Support;
using Terminal.Gui.Input;

namespace Boxer.Host.Tests.Tui;

[Collection(TuiCollection.Name)]
public sealed class WizardSpecs(PluginWorkshop workshop)
{
    [Fact]
    public void I_can_walk_the_wizard_to_a_finished_sif_build_of_the_demo_stage3()
    {
        using var wizard = new WizardHarness();
        var output = Path.Combine(wizard.Directory, "out", "demo.sif");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        Assert.Contains("Step 1 of 6: Stage3", wizard.Screen);
        Assert.Contains("stage3-demo.tar.xz", wizard.Screen);
        wizard.Press(Key.Enter);
        wizard.WaitForText("init: OpenRC");
        Assert.Contains("arch:     amd64", wizard.Screen);

        wizard.Press(Key.F3);
        Assert.Contains("Step 2 of 6: Targets", wizard.Screen);
        Assert.Contains("choose at least one target", wizard.Screen);
        ChooseTarget(wizard, "sif");

        wizard.Press(Key.F3);
        Assert.Contains("Step 3 of 6: Recipe", wizard.Screen);
        Assert.Contains("openrc-server - ", wizard.Screen);

        wizard.Press(Key.F3);
        Assert.Contains("Step 4 of 6: Options", wizard.Screen);
        Assert.Contains("--compression", wizard.Screen);
        wizard.Type(output);

        wizard.Press(Key.F3);
        Assert.Contains("Step 5 of 6: Build", wizard.Screen);
        wizard.WaitForText("Step 6 of 6: Summary");
        var summary = wizard.Screen;
        Assert.Contains("Built 1 artifact(s):", summary);
        Assert.Contains(output, summary);
        Assert.Contains("singularity", summary);
        Assert.Contains("boxer sif --stage", summary);
        Assert.Contains("The same build headless:", summary);
        Assert.Contains($"--recipe openrc-server --out {output}", wizard.Window.Summary.SummaryText);
        Assert.True(new FileInfo(output).Length > 0, $"{output} was not written");
        Assert.Equal(0, wizard.Window.Summary.Outcome!.ExitCode);
    }

    [Fact]
    public void I_can_open_and_close_every_screen()
    {
        using var wizard = new WizardHarness();
        var titles = new List<string>();
        wizard.Press(Key.Enter);
        wizard.WaitForText("init: OpenRC");
        titles.Add(wizard.Window.Current.Title);
        wizard.Press(Key.F3);
        ChooseTarget(wizard, "sif");
        titles.Add(wizard.Window.Current.Title);
        wizard.Press(Key.F3);
        titles.Add(wizard.Window.Current.Title);
        wizard.Press(Key.F3);
        titles.Add(wizard.Window.Current.Title);
        // Back through every screen to the first, and forward again.
        wizard.Press(Key.F2, Key.F2, Key.F2);
        Assert.Contains("Step 1 of 6: Stage3", wizard.Screen);
        wizard.Press(Key.F3, Key.F3, Key.F3);
        Assert.Contains("Step 4 of 6: Options", wizard.Screen);
        wizard.Type(Path.Combine(wizard.Directory, "x.sif"));
        wizard.Press(Key.F3);
        titles.Add(wizard.Window.Current.Title);
        wizard.WaitForText("Step 6 of 6: Summary");
        titles.Add(wizard.Window.Current.Title);
        Assert.Equal(["Stage3", "Targets", "Recipe", "Options", "Build", "Summary"], titles);
    }

    [Fact]
    public void A_malformed_option_is_refused_with_its_reason_as_I_type()
    {
        using var wizard = new WizardHarness();
        wizard.Press(Key.Enter);
        wizard.WaitForText("init: OpenRC");
        wizard.Press(Key.F3);
        ChooseTarget(wizard, "docker");
        wizard.Press(Key.F3, Key.F3);
        Assert.Contains("give --tag", wizard.Screen);
        wizard.Type("Not A Tag");
        Assert.Contains("fix the option problems shown above", wizard.Screen);
        Assert.Contains("--tag", wizard.Screen);
        wizard.Press(Key.F3);
        Assert.Contains("Step 4 of 6: Options", wizard.Screen);
    }

    [Fact]
    public void Plan_works_from_the_stage_already_imported_without_output_options()
    {
        using var wizard = new WizardHarness();
        wizard.Press(Key.Enter);
        wizard.WaitForText("init: OpenRC");
        // The plan must reuse the imported stage: were it to import again, it would find no file.
        File.Delete(Path.Combine(wizard.Directory, "stage3-demo.tar.xz"));
        wizard.Press(Key.F3);
        ChooseTarget(wizard, "docker");
        wizard.Press(Key.F3);
        Assert.Contains("Step 3 of 6: Recipe", wizard.Screen);

        wizard.Press(Key.P.WithAlt);

        wizard.WaitFor(() => wizard.Screen.Contains("Plan: openrc-server.csx for docker", StringComparison.Ordinal)
            || wizard.Screen.Contains("The plan failed", StringComparison.Ordinal), "the plan or its failure");
        Assert.DoesNotContain("The plan failed", wizard.Screen);
    }

    [Fact]
    public void A_missing_stage3_shows_the_one_line_error_and_keeps_me_on_the_first_screen()
    {
        using var wizard = new WizardHarness();
        wizard.Press(Key.Tab.WithShift);
        wizard.Type(Path.Combine(wizard.Directory, "missing.tar.xz"));
        wizard.Press(Key.Enter);
        wizard.WaitForText("no such file");
        wizard.Press(Key.F3);
        Assert.Contains("Step 1 of 6: Stage3", wizard.Screen);
    }

    [Fact]
    public void Several_targets_options_scroll_into_view_as_I_move_through_them()
    {
        using var wizard = new WizardHarness(workshop.GoodRoot);
        wizard.Press(Key.Enter);
        wizard.WaitForText("init: OpenRC");
        wizard.Press(Key.F3);
        ChooseTarget(wizard, "docker");
        ChooseTarget(wizard, "sif");
        ChooseTarget(wizard, "tiny");
        wizard.Press(Key.F3, Key.F3);
        var requests = wizard.Window.Options.Requests;
        var fields = requests.Sum(r => r.Target.Options.Count);
        Assert.True(fields + (2 * requests.Count) > 20, $"the form has {fields} fields: this spec needs one taller than the screen");
        Assert.DoesNotContain("--hold", wizard.Screen);
        wizard.Press([.. Enumerable.Repeat(Key.Tab, fields - 1)]);
        Assert.Contains("--hold", wizard.Screen);
    }

    private static void ChooseTarget(WizardHarness wizard, string name)
    {
        var screen = wizard.Window.Targets;
        var index = wizard.Window.Targets.Names.ToList().IndexOf(name);
        Assert.True(index >= 0, $"target {name} is not listed:\n{wizard.Screen}");
        // Start from the top, as the screen does.
        wizard.Window.Targets.FirstFocus!.SetFocus();
        wizard.Press([.. Enumerable.Repeat(Key.CursorDown, index), Key.Space]);
        Assert.Contains(name, screen.Chosen.Select(t => t.Name));
    }
}
