namespace Boxer.Abstractions.Testing;

/// <summary>
/// One output stream of a boot (a container's stdout or stderr, a console log, an instance's log), named for
/// messages. <c>boxer test</c> fails on any <c>ERROR:</c> or <c>[ !! ]</c> line in any of them.
/// </summary>
/// <param name="Name">What the stream is, e.g. <c>docker logs stderr</c> or <c>console</c>.</param>
/// <param name="Text">Everything the stream held.</param>
public sealed record BootStream(string Name, string Text);
