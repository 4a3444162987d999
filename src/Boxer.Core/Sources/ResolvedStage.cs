using Boxer.Abstractions;

namespace Boxer.Core.Sources;

/// <summary>A stage ready to import: the file to read (checked), what is known of where it came from, and its SHA-256 as checked.</summary>
public sealed record ResolvedStage(string Path, StageProvenance Provenance, string Sha256);
