namespace Boxer.Targets.Singularity;

/// <summary>The contents of the <c>/.singularity.d</c> scripts boxer ships (written for boxer, in apptainer's layout).</summary>
internal static class SingularityFiles
{
    public const string Root = ".singularity.d";

    public const string SourceEnvironment =
        "for script in /.singularity.d/env/*.sh; do\n    if [ -f \"$script\" ]; then\n        . \"$script\"\n    fi\ndone\n";

    public const string Runscript =
        "#!/bin/sh\n# A login shell, as the original funtoo boxer gave; /bin/sh when the image has no bash.\n"
        + "if [ -x /bin/bash ]; then\n    exec /bin/bash --login \"$@\"\nfi\nexec /bin/sh -l \"$@\"\n";

    public const string Startscript =
        "#!/bin/sh\n# `instance start --boot` runs /sbin/init as PID 1 itself. Without --boot, bring up the\n"
        + "# default OpenRC runlevel's services inside the instance when OpenRC is there.\n"
        + "if [ -x /sbin/openrc ]; then\n    exec /sbin/openrc default\nfi\n";

    public const string Base01 = "#!/bin/sh\n# Base environment, sourced first by every action.\n";

    public const string Base99 =
        "#!/bin/sh\nif [ -z \"$LD_LIBRARY_PATH\" ]; then\n    LD_LIBRARY_PATH=\"/.singularity.d/libs\"\nelse\n"
        + "    LD_LIBRARY_PATH=\"$LD_LIBRARY_PATH:/.singularity.d/libs\"\nfi\nPS1=\"Singularity> \"\nexport LD_LIBRARY_PATH PS1\n";

    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["exec"] = "#!/bin/sh\n" + SourceEnvironment + "exec \"$@\"\n",
        ["run"] = "#!/bin/sh\n" + SourceEnvironment
            + "if [ -x /.singularity.d/runscript ]; then\n    exec /.singularity.d/runscript \"$@\"\nfi\necho \"No runscript found\" >&2\nexit 1\n",
        ["shell"] = "#!/bin/sh\n" + SourceEnvironment
            + "if [ -n \"$SINGULARITY_SHELL\" ] && [ -x \"$SINGULARITY_SHELL\" ]; then\n    exec \"$SINGULARITY_SHELL\" \"$@\"\nfi\n"
            + "if [ -x /bin/bash ]; then\n    exec /bin/bash --norc \"$@\"\nfi\nexec /bin/sh \"$@\"\n",
        ["start"] = "#!/bin/sh\n" + SourceEnvironment
            + "if [ -x /.singularity.d/startscript ]; then\n    exec /.singularity.d/startscript \"$@\"\nfi\n",
        ["test"] = "#!/bin/sh\n" + SourceEnvironment
            + "if [ -x /.singularity.d/test ]; then\n    exec /.singularity.d/test \"$@\"\nfi\necho \"No test found in container, executing /bin/sh -c true\" >&2\nexec /bin/sh -c true\n",
    };

    /// <summary>Top-level symlinks apptainer's checks expect, name to target.</summary>
    public static readonly IReadOnlyDictionary<string, string> Links = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["singularity"] = ".singularity.d/runscript",
        ["environment"] = ".singularity.d/env/90-environment.sh",
        [".run"] = ".singularity.d/actions/run",
        [".exec"] = ".singularity.d/actions/exec",
        [".shell"] = ".singularity.d/actions/shell",
        [".test"] = ".singularity.d/actions/test",
    };

    /// <summary>Directories the runtime mounts over, with the mode to create them with.</summary>
    public static readonly IReadOnlyList<(string Path, int Mode)> MountPoints =
    [
        ("dev", 0b111_101_101), ("proc", 0b111_101_101), ("sys", 0b111_101_101), ("tmp", 0b1_111_111_111),
        ("var/tmp", 0b1_111_111_111), ("home", 0b111_101_101), ("root", 0b111_000_000),
    ];

    public static string Environment(IReadOnlyDictionary<string, string> env)
    {
        var text = new System.Text.StringBuilder("#!/bin/sh\n# Custom environment shell code should follow\n");
        foreach (var (name, value) in env)
        {
            text.Append("export ").Append(name).Append("=\"").Append(value.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal)).Append("\"\n");
        }
        return text.ToString();
    }
}
