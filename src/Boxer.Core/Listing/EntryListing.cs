using Boxer.Abstractions;

namespace Boxer.Core.Listing;

/// <summary>Formats entries one per line the way <c>tar -tv</c> does, plus device numbers and xattr names.</summary>
public static class EntryListing
{
    public static string FormatLine(FsEntry entry) => throw new NotImplementedException();
}
