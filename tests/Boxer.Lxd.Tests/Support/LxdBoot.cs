using Boxer.Core.Testing;
using Boxer.TestSupport;

namespace Boxer.Lxd.Tests.Support;

/// <summary>
/// One boot of an OpenRC image under LXD: the verdict on rc-status and the console log, what the instance
/// said its hostname and /etc/hosts were, the instance's state after <c>lxc stop --timeout 15</c>, and what
/// <c>boxer test lxd:ALIAS</c> said about the same image.
/// </summary>
public sealed record LxdBoot(BootVerdict Verdict, string Hostname, string Hosts, string StateAfterStop, ToolResult BoxerTest);
