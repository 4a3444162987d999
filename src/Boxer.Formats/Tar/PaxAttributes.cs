using System.Globalization;
using System.Text;
using Boxer.Abstractions;

namespace Boxer.Formats.Tar;

/// <summary>
/// The keywords of a PAX extended header that boxer keeps. Values stay raw bytes until a keyword says
/// otherwise: <c>SCHILY.xattr.*</c> values (binary file capabilities) are never decoded as text.
/// </summary>
internal sealed class PaxAttributes
{
    private const string SchilyXattr = "SCHILY.xattr.";
    private const string LibarchiveXattr = "LIBARCHIVE.xattr.";

    public string? Path { get; private set; }

    public string? LinkPath { get; private set; }

    public string? UserName { get; private set; }

    public string? GroupName { get; private set; }

    public long? Size { get; private set; }

    public long? Uid { get; private set; }

    public long? Gid { get; private set; }

    public long? DevMajor { get; private set; }

    public long? DevMinor { get; private set; }

    public UnixTime? Mtime { get; private set; }

    public SortedDictionary<string, byte[]> Xattrs { get; } = new(StringComparer.Ordinal);

    /// <summary>A GNU sparse keyword was present: the entry's data is a sparse map, not the file.</summary>
    public bool IsSparse { get; private set; }

    /// <summary>Parses <c>"%d %s=%s\n"</c> records on top of what is already set (for global headers).</summary>
    /// <exception cref="FormatException">A record is malformed; the message says which.</exception>
    public void Apply(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (data.IndexOfAnyExcept((byte)0) < 0)
            {
                return;
            }
            int space = data.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(data[..space], NumberStyles.None, CultureInfo.InvariantCulture, out int length)
                || length <= space + 1 || length > data.Length || data[length - 1] != (byte)'\n')
            {
                throw new FormatException("malformed PAX record");
            }
            var record = data[(space + 1)..(length - 1)];
            int equals = record.IndexOf((byte)'=');
            if (equals <= 0)
            {
                throw new FormatException("PAX record without a keyword");
            }
            Set(Encoding.UTF8.GetString(record[..equals]), record[(equals + 1)..]);
            data = data[length..];
        }
    }

    /// <summary>Lays the entry's own attributes over the global ones.</summary>
    public PaxAttributes Over(PaxAttributes global)
    {
        var merged = new PaxAttributes
        {
            Path = Path ?? global.Path,
            LinkPath = LinkPath ?? global.LinkPath,
            UserName = UserName ?? global.UserName,
            GroupName = GroupName ?? global.GroupName,
            Size = Size ?? global.Size,
            Uid = Uid ?? global.Uid,
            Gid = Gid ?? global.Gid,
            DevMajor = DevMajor ?? global.DevMajor,
            DevMinor = DevMinor ?? global.DevMinor,
            Mtime = Mtime ?? global.Mtime,
            IsSparse = IsSparse || global.IsSparse,
        };
        foreach (var (k, v) in global.Xattrs)
        {
            merged.Xattrs[k] = v;
        }
        foreach (var (k, v) in Xattrs)
        {
            merged.Xattrs[k] = v;
        }
        return merged;
    }

    private void Set(string keyword, ReadOnlySpan<byte> value)
    {
        switch (keyword)
        {
            case "path": Path = PaxText.Utf8(value, keyword); break;
            case "linkpath": LinkPath = PaxText.Utf8(value, keyword); break;
            case "uname": UserName = PaxText.Utf8(value, keyword); break;
            case "gname": GroupName = PaxText.Utf8(value, keyword); break;
            case "size": Size = PaxText.Integer(value, keyword); break;
            case "uid": Uid = PaxText.Integer(value, keyword); break;
            case "gid": Gid = PaxText.Integer(value, keyword); break;
            case "SCHILY.devmajor": DevMajor = PaxText.Integer(value, keyword); break;
            case "SCHILY.devminor": DevMinor = PaxText.Integer(value, keyword); break;
            case "mtime": Mtime = PaxText.Time(value, keyword); break;
            default: SetExtension(keyword, value); break;
        }
    }

    private void SetExtension(string keyword, ReadOnlySpan<byte> value)
    {
        if (keyword.StartsWith(SchilyXattr, StringComparison.Ordinal))
        {
            Xattrs[keyword[SchilyXattr.Length..]] = value.ToArray();
        }
        else if (keyword.StartsWith(LibarchiveXattr, StringComparison.Ordinal))
        {
            Xattrs[Uri.UnescapeDataString(keyword[LibarchiveXattr.Length..])] = PaxText.Base64(value, keyword);
        }
        else if (keyword.StartsWith("GNU.sparse.", StringComparison.Ordinal))
        {
            IsSparse = true;
        }
    }
}
