namespace Boxer.Targets.Lxd;

/// <summary>An error answer of the LXD REST API, with its HTTP-like error code.</summary>
internal sealed class LxdException(string message, int code) : Exception(message)
{
    public int Code { get; } = code;
}
