namespace Boxer.Formats;

/// <summary>Marker for the Formats assembly (used by the reference-rules test).</summary>
public static class FormatsAssembly
{
}
