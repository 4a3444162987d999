namespace Boxer.TestSupport.Boot;

/// <summary>One output stream of a boot (a container's stdout or stderr, a console log), named for messages.</summary>
public sealed record BootStream(string Name, string Text);
