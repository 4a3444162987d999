namespace Boxer.Abstractions;

/// <summary>How important a <see cref="LogMessage"/> is.</summary>
public enum BuildLogLevel
{
    /// <summary>Detail shown only with <c>--verbose</c>.</summary>
    Debug,

    /// <summary>Normal progress information.</summary>
    Info,

    /// <summary>Something the user should know about; the build goes on.</summary>
    Warning,
}
