namespace Boxer.Abstractions;

/// <summary>Facts about this contract that the host and plugins check.</summary>
public static class BoxerContract
{
    /// <summary>
    /// The major version of the contract this assembly implements. A plugin built against another major
    /// version is refused with a one-line reason; any minor version of the same major loads.
    /// </summary>
    public static int MajorVersion => typeof(BoxerContract).Assembly.GetName().Version?.Major ?? 0;
}
