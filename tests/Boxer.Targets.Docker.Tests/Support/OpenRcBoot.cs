using Boxer.Core.Testing;

namespace Boxer.Targets.Docker.Tests.Support;

/// <summary>
/// One boot of an OpenRC image under the engine: the usage hint it was run with, the verdict on rc-status and
/// both streams of <c>docker logs</c>, the logs themselves (stdout then stderr) and the container's exit code.
/// </summary>
public sealed record OpenRcBoot(string Hint, BootVerdict Verdict, string Logs, string ExitCode);
