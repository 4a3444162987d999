using Boxer.Core.Testing;

namespace Boxer.Core.Tests.Fixtures;

/// <summary>
/// The boot verdict the Docker, LXD and SIF boot specs share, on output captured from real boots of the
/// OpenRC fixture (docker run of openrc-server and of tests/recipe-fixtures/boot/broken-service.csx).
/// </summary>
public sealed class BootVerdictSpecs
{
    /// <summary><c>rc-status --nocolor</c> in the broken-service container once the default runlevel was reached.</summary>
    private const string BrokenRcStatus = """
        Runlevel: default
         boxer-broken                                                      [  stopped  ]
         sshd                                                              [  started  ]
         local                                                             [  started  ]
        Dynamic Runlevel: hotplugged
        Dynamic Runlevel: needed/wanted
        Dynamic Runlevel: manual

        """;

    private const string CleanRcStatus = """
        Runlevel: default
         sshd                                                              [  started  ]
         local                                                             [  started  ]
        Dynamic Runlevel: hotplugged
        Dynamic Runlevel: needed/wanted
        Dynamic Runlevel: manual

        """;

    /// <summary>The same boot's <c>docker logs</c> stderr: eerror and openrc-run's failure line go there.</summary>
    private const string BrokenStderr = """
         * boxer-broken: failing on purpose
         * ERROR: boxer-broken failed to start

        """;

    /// <summary>Lines of a clean boot's console (sysvinit PID 1 under <c>docker run -t</c>, so coloured).</summary>
    private const string CleanColouredConsole =
        "\n   \u001b[1m\u001b[32mOpenRC \u001b[1m\u001b[36m0.45.2\u001b[m is starting up \u001b[1m\u001b[34mLinux 6.18.44 (x86_64) [DOCKER]\u001b[m\r\n"
        + " \u001b[1m\u001b[32m*\u001b[m Caching service dependencies\u001b[K ...\r\n [ ok ]\r\n"
        + "INIT: Entering runlevel: 3\r\n"
        + " \u001b[1m\u001b[32m*\u001b[m Starting sshd\u001b[K ...\r\n [ ok ]\r\n";

    [Fact]
    public void Real_rc_status_output_lists_each_service_with_its_section_and_state()
    {
        var status = OpenRcStatus.Parse(BrokenRcStatus);

        Assert.Equal(["default"], status.Runlevels);
        Assert.Equal(
            ["boxer-broken [stopped] (default)", "sshd [started] (default)", "local [started] (default)"],
            status.Services.Select(s => s.ToString()));
        Assert.Equal(status.Services, status.In("default"));
    }

    [Fact]
    public void A_clean_boot_passes_and_lists_the_default_runlevel()
    {
        var verdict = BootVerdict.Judge(CleanRcStatus, [new("stdout", CleanColouredConsole), new("stderr", "")]);

        Assert.True(verdict.Passed, verdict.ToString());
        Assert.Equal(["sshd", "local"], verdict.Services.Select(s => s.Name));
    }

    [Fact]
    public void A_service_that_failed_to_start_fails_the_verdict_by_its_state_and_by_its_stderr_line()
    {
        var verdict = BootVerdict.Judge(BrokenRcStatus, [new("stdout", ""), new("stderr", BrokenStderr)]);

        Assert.False(verdict.Passed);
        Assert.Equal(
            ["service boxer-broken is stopped, not started (default runlevel)", "stderr: * ERROR: boxer-broken failed to start"],
            verdict.Problems);
        Assert.Contains("problem: service boxer-broken is stopped", verdict.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_mark_in_any_stream_fails_even_when_coloured()
    {
        var console = " \u001b[1m\u001b[32m*\u001b[m Mounting /run\u001b[K ...\r\n [ \u001b[31;01m!!\u001b[0m ]\r\n";

        var verdict = BootVerdict.Judge(CleanRcStatus, [new("console", console)]);

        Assert.Equal(["console: [ !! ]"], verdict.Problems);
    }

    [Fact]
    public void An_uptime_still_counts_as_started_and_a_crashed_service_fails_in_any_section()
    {
        const string Status = """
            Runlevel: default
             sshd                                          [  started 00:01:02 (0) ]
            Dynamic Runlevel: needed/wanted
             syslog                                        [  crashed  ]
            Dynamic Runlevel: manual

            """;

        var verdict = BootVerdict.Judge(Status, []);

        Assert.Equal(["service syslog is crashed (needed/wanted)"], verdict.Problems);
        Assert.True(Assert.Single(verdict.Services).IsStarted);
    }

    [Fact]
    public void Services_of_a_stacked_runlevel_are_judged_with_the_default_one()
    {
        const string Status = """
            Runlevel: default
             sshd                                          [  started  ]
            Stacked Runlevel: net
             dhcpcd                                        [  starting  ]

            """;

        var verdict = BootVerdict.Judge(Status, []);

        Assert.Equal(["service dhcpcd is starting, not started (default runlevel)"], verdict.Problems);
    }

    [Fact]
    public void A_system_that_never_left_the_boot_runlevel_fails()
    {
        var verdict = BootVerdict.Judge("Runlevel: boot\n hostname   [  started  ]\n", []);

        Assert.Equal(["rc-status shows runlevel boot, not default"], verdict.Problems);
        Assert.Empty(verdict.Services);
        Assert.Equal(["rc-status shows no runlevel, not default"], BootVerdict.Judge("", []).Problems);
    }

    [Fact]
    public void Output_that_is_not_rc_status_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => OpenRcStatus.Parse("rc-status: command not found\n"));

        Assert.Contains("rc-status: command not found", error.Message, StringComparison.Ordinal);
    }
}
