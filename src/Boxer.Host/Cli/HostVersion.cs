using System.Reflection;

namespace Boxer.Host.Cli;

/// <summary>The version of this boxer build, as <c>--version</c> prints it.</summary>
internal static class HostVersion
{
    public static string Current { get; } =
        typeof(HostVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HostVersion).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";
}
