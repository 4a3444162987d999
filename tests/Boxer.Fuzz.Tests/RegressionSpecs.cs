using Boxer.Fuzz.Running;
using Boxer.Fuzz.Targets;

namespace Boxer.Fuzz.Tests;

/// <summary>Every input the fuzzer ever found stays fixed; the known-open ones are still open (or leave the list).</summary>
public sealed class RegressionSpecs
{
    private static readonly FuzzOptions Bounds = new();

    public static TheoryData<string> Fixed => [.. RegressionInputs.All().Except(OpenFindings.Inputs)];

    [Fact]
    public void There_are_regression_inputs_and_every_open_finding_is_one_of_them()
    {
        var all = RegressionInputs.All().ToList();

        Assert.NotEmpty(all);
        Assert.All(OpenFindings.Inputs, open => Assert.Contains(open, all));
    }

    [Theory]
    [MemberData(nameof(Fixed))]
    public void A_fixed_finding_reads_or_is_refused_within_bounds(string input)
    {
        var (_, finding) = FuzzRunner.Execute(FuzzTargets.Get(RegressionInputs.Harness(input)), RegressionInputs.Read(input), Bounds);

        Assert.True(finding is null, $"{input}: {finding}");
    }

    [Fact]
    public void Every_open_finding_still_fails_until_its_fix_removes_it_from_the_list()
    {
        // A fact, not a theory: the list is meant to become empty.
        foreach (var input in OpenFindings.Inputs)
        {
            var (_, finding) = FuzzRunner.Execute(FuzzTargets.Get(RegressionInputs.Harness(input)), RegressionInputs.Read(input), Bounds);

            Assert.True(finding is not null, $"{input} passes now: remove it from OpenFindings.Inputs");
        }
    }
}
