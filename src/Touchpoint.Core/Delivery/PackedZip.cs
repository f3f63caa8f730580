using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// A plain ZIP writer for letters whose files are packed ahead: a merge changes a few parts and copies the rest, and
/// deflating the unchanged styles, theme and pictures again for every letter was most of a merge's time. So the
/// unchanged files are packed once, when the letter is opened, and each merge packs only what it changed.
/// No ZIP64: <see cref="WordLetterLimits"/> keeps every size and count far below its thresholds.
/// </summary>
internal static class PackedZip
{
    /// <summary>One file, packed: its name, checksum and deflated (or stored) bytes.</summary>
    internal sealed record Entry(byte[] Name, uint Crc, byte[] Data, int Size, bool Deflated, ushort DosTime, ushort DosDate);

    public static Entry Pack(string name, ReadOnlySpan<byte> content, DateTimeOffset lastWrite, CompressionLevel level)
    {
        var crc = Crc32.HashToUInt32(content);
        byte[] data;
        var deflated = false;
        if (level == CompressionLevel.NoCompression)
        {
            data = content.ToArray();
        }
        else
        {
            using var packed = new MemoryStream(content.Length / 3 + 64);
            using (var deflate = new DeflateStream(packed, level, leaveOpen: true))
            {
                deflate.Write(content);
            }
            // A picture does not pack: it is stored as it is, as Word does.
            deflated = packed.Length < content.Length;
            data = deflated ? packed.ToArray() : content.ToArray();
        }
        var (time, date) = DosDateTime(lastWrite);
        return new Entry(Encoding.UTF8.GetBytes(name), crc, data, content.Length, deflated, time, date);
    }

    public static void Write(Stream output, IReadOnlyList<Entry> entries)
    {
        var offsets = new uint[entries.Count];
        uint position = 0;
        Span<byte> header = stackalloc byte[46];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            offsets[i] = position;
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
            Common(header[4..], e);
            BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)e.Name.Length);
            output.Write(header[..30]);
            output.Write(e.Name);
            output.Write(e.Data);
            position += (uint)(30 + e.Name.Length + e.Data.Length);
        }
        var directoryStart = position;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 20); // made by: version 2.0, MS-DOS
            Common(header[6..], e);
            BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)e.Name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], offsets[i]);
            output.Write(header);
            output.Write(e.Name);
            position += (uint)(46 + e.Name.Length);
        }
        Span<byte> end = stackalloc byte[22];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], position - directoryStart);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], directoryStart);
        output.Write(end);
    }

    /// <summary>The fields the local and the central header share, from "version needed" to the sizes.</summary>
    private static void Common(Span<byte> at, Entry e)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, 20); // version needed: 2.0 (deflate)
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], 0x0800); // names in UTF-8
        BinaryPrimitives.WriteUInt16LittleEndian(at[4..], (ushort)(e.Deflated ? 8 : 0));
        BinaryPrimitives.WriteUInt16LittleEndian(at[6..], e.DosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(at[8..], e.DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(at[10..], e.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(at[14..], (uint)e.Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(at[18..], (uint)e.Size);
    }

    private static (ushort Time, ushort Date) DosDateTime(DateTimeOffset value)
    {
        var t = value.DateTime;
        if (t.Year < 1980)
        {
            return (0, (1 << 5) | 1); // 1980-01-01, the earliest a ZIP can say
        }
        if (t.Year > 2107)
        {
            t = new DateTime(2107, 12, 31, 23, 59, 58, DateTimeKind.Unspecified);
        }
        return ((ushort)((t.Hour << 11) | (t.Minute << 5) | (t.Second / 2)), (ushort)(((t.Year - 1980) << 9) | (t.Month << 5) | t.Day));
    }
}
