namespace Boxer.Host;

/// <summary>The process exit codes boxer documents (docs/cli.md).</summary>
internal static class ExitCode
{
    public const int Success = 0;

    /// <summary>A bug in boxer or a plugin: an exception nobody anticipated.</summary>
    public const int InternalError = 1;

    /// <summary>The command line is wrong: a parse error, a bad option value, a bad SOURCE_DATE_EPOCH.</summary>
    public const int Usage = 2;

    /// <summary>The input is unusable: the stage3 (missing, not an archive, hostile) or a recipe.</summary>
    public const int BadInput = 3;

    /// <summary>A target could not produce its artifact: engine, registry, disk.</summary>
    public const int TargetFailure = 4;

    /// <summary>The image failed its check: <c>boxer test</c> (a service not started, an error line, a stop that needed a kill), <c>boxer verify</c>.</summary>
    public const int ImageCheckFailed = 5;

    /// <summary>Interrupted (Ctrl-C, SIGTERM), as shells report 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}
