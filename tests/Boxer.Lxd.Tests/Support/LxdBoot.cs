using Boxer.Core.Testing;

namespace Boxer.Lxd.Tests.Support;

/// <summary>
/// One boot of an OpenRC image under LXD: the verdict on rc-status and the console log, what the instance
/// said its hostname and /etc/hosts were, and the instance's state after <c>lxc stop --timeout 15</c>.
/// </summary>
public sealed record LxdBoot(BootVerdict Verdict, string Hostname, string Hosts, string StateAfterStop);
