using System.IO.Compression;
using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// How much of a .docx Touchpoint unpacks, in one place. A letter is a few dozen parts of a few hundred kilobytes;
/// the limits leave room for a long document with photos and still refuse, before anything is inflated, a file built
/// to exhaust memory (a "zip bomb": a few kilobytes that unpack to gigabytes) or the server's time (a million parts).
/// </summary>
public static class WordLetterLimits
{
    /// <summary>Word writes 10–30 parts for a letter; one per picture, header and footer on top. 1,000 is generous.</summary>
    public const int MaxParts = 1_000;

    /// <summary>One part (the document text, a picture): 64 MB is far beyond a letter and still fits in memory.</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>All parts together, unpacked: a parsed letter is kept in memory while letters are merged from it.</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Word's XML packs 5–20 times, rarely 50; a part that claims to unpack to more than 100 times its packed size is
    /// a bomb. Parts below <see cref="RatioCheckFromBytes"/> are not asked: a small part of repeated text may pack
    /// better, and cannot hurt.
    /// </summary>
    public const int MaxCompressionRatio = 100;

    public const long RatioCheckFromBytes = 1024 * 1024;
}

/// <summary>What an upload tells about a Word letter's merge fields (rule 49): all it uses, and the unknown ones.</summary>
public sealed record LetterFieldsDto(IReadOnlyList<string> MergeFields, IReadOnlyList<string> UnknownMergeFields)
{
    /// <summary>For a file that is not a Word letter.</summary>
    public static LetterFieldsDto None { get; } = new([], []);
}

/// <summary>
/// A Word letter (.docx) ready to be merged (rule 49): opened once, within <see cref="WordLetterLimits"/>, with every
/// MERGEFIELD found — simple (<c>w:fldSimple</c>) or complex (<c>w:fldChar</c> begin/separate/end, its code split
/// over any number of runs), in the body, tables, text boxes, headers, footers, footnotes and endnotes. Each is
/// replaced by a placeholder run with the formatting of the field's result, so a merge only writes text: no field is
/// left in the merged letter, and Word and LibreOffice show the values, not «ContactName». An instance never
/// changes, so it can be kept (per attachment) and merged from by several threads at once.
/// </summary>
public sealed class WordLetter
{
    private const string XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

    private readonly OutputEntry[] entries;

    private WordLetter(OutputEntry[] entries, IReadOnlyList<string> mergeFields, IReadOnlyList<string> unknownMergeFields)
    {
        this.entries = entries;
        HeldBytes = entries.Sum(e => e.Part?.Bytes ?? e.Packed!.Data.LongLength);
        MergeFields = mergeFields;
        UnknownMergeFields = unknownMergeFields;
    }

    /// <summary>
    /// Every merge field the letter uses, once each, in the order they first appear (body, then headers, footers,
    /// notes); known names as <see cref="MergeValues.Names"/> spells them, others as written.
    /// </summary>
    public IReadOnlyList<string> MergeFields { get; }

    /// <summary>The fields of <see cref="MergeFields"/> that are not merge field names: they merge as blank.</summary>
    public IReadOnlyList<string> UnknownMergeFields { get; }

    /// <summary>About how much memory the letter holds: what a cache of letters counts.</summary>
    public long HeldBytes { get; }

    /// <summary>
    /// Opens a letter, refusing (400, field "file") one that is not a readable Word document or that exceeds
    /// <see cref="WordLetterLimits"/>. <paramref name="fileName"/> only names the file in the message.
    /// </summary>
    public static WordLetter Open(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            var files = Unpack(content, fileName);
            return Parse(content, files);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or XmlException or FileFormatException
            or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw Refuse("WordLetterNotReadable", fileName);
        }
    }

    /// <summary>The merged letter, as a new .docx.</summary>
    public byte[] Merge(MergeValues values)
    {
        using var output = new MemoryStream((int)Math.Min(HeldBytes / 2 + 4096, int.MaxValue / 2));
        Merge(values, output);
        return output.ToArray();
    }

    /// <summary>Writes the merged letter, as a .docx, to <paramref name="output"/>.</summary>
    public void Merge(MergeValues values, Stream output)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(output);
        var packed = new PackedZip.Entry[entries.Length];
        using var part = new MemoryStream();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Part is { } template)
            {
                part.SetLength(0);
                template.Write(part, values);
                packed[i] = PackedZip.Pack(entry.Name, part.GetBuffer().AsSpan(0, (int)part.Length), entry.LastWriteTime, CompressionLevel.Fastest);
            }
            else
            {
                packed[i] = entry.Packed!;
            }
        }
        PackedZip.Write(output, packed);
    }

    /// <summary>
    /// Every file of the package, unpacked, checked against <see cref="WordLetterLimits"/> first by the sizes the
    /// package declares (nothing is inflated for a bomb) and then by the bytes it really holds.
    /// </summary>
    private static List<(ZipArchiveEntry Entry, byte[] Content)> Unpack(byte[] content, string fileName)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > WordLetterLimits.MaxParts)
        {
            throw Refuse("WordLetterTooManyParts", fileName, WordLetterLimits.MaxParts);
        }
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        long total = 0;
        foreach (var entry in files)
        {
            if (entry.Length > WordLetterLimits.MaxPartBytes)
            {
                throw Refuse("WordLetterPartTooLarge", fileName, entry.FullName, Megabytes(WordLetterLimits.MaxPartBytes));
            }
            if (entry.Length > WordLetterLimits.RatioCheckFromBytes
                && entry.Length > entry.CompressedLength * WordLetterLimits.MaxCompressionRatio)
            {
                throw Refuse("WordLetterPackedTooTightly", fileName, entry.FullName, WordLetterLimits.MaxCompressionRatio);
            }
            total += entry.Length;
            if (total > WordLetterLimits.MaxUnpackedBytes)
            {
                throw Refuse("WordLetterUnpacksTooLarge", fileName, Megabytes(WordLetterLimits.MaxUnpackedBytes));
            }
        }
        var unpacked = new List<(ZipArchiveEntry, byte[])>(files.Count);
        foreach (var entry in files)
        {
            // Never more than the declared size: a package that declares less than it holds is refused.
            var bytes = new byte[entry.Length];
            using var stream = entry.Open();
            stream.ReadExactly(bytes);
            if (stream.ReadByte() != -1)
            {
                throw new InvalidDataException($"{entry.FullName} holds more than it declares.");
            }
            unpacked.Add((entry, bytes));
        }
        return unpacked;
    }

    private static WordLetter Parse(byte[] content, List<(ZipArchiveEntry Entry, byte[] Content)> files)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false,
            new OpenSettings { MaxCharactersInPart = WordLetterLimits.MaxPartBytes });
        var main = document.MainDocumentPart ?? throw new InvalidDataException("No main document part.");
        var fields = new FieldSlots();
        var templates = new Dictionary<string, PartTemplate>(StringComparer.OrdinalIgnoreCase);
        OpenXmlPart?[] parts = [main, .. main.HeaderParts, .. main.FooterParts, main.FootnotesPart, main.EndnotesPart];
        foreach (var part in parts)
        {
            if (part?.RootElement is { } root)
            {
                ReplaceComplexFields(root, fields);
                ReplaceSimpleFields(root, fields);
                templates[EntryName(part)] = fields.Template(root);
            }
        }
        // A mail-merge main document names its data source: Word would ask for it on opening the merged letter.
        if (main.DocumentSettingsPart?.Settings is { } settings && settings.GetFirstChild<MailMerge>() is { } mailMerge)
        {
            mailMerge.Remove();
            templates[EntryName(main.DocumentSettingsPart)] = fields.Template(settings);
        }

        // The parts a merge does not change are packed now, once; a picture Word stored unpacked is not tried again.
        var entries = files.Select(f => templates.TryGetValue(f.Entry.FullName, out var part)
            ? new OutputEntry(f.Entry.FullName, f.Entry.LastWriteTime, part, null)
            : new OutputEntry(f.Entry.FullName, f.Entry.LastWriteTime, null, PackedZip.Pack(f.Entry.FullName, f.Content, f.Entry.LastWriteTime,
                f.Entry.CompressedLength < f.Entry.Length * 9 / 10 ? CompressionLevel.Optimal : CompressionLevel.NoCompression))).ToArray();
        if (templates.Keys.Any(name => !files.Any(f => f.Entry.FullName.Equals(name, StringComparison.OrdinalIgnoreCase))))
        {
            throw new InvalidDataException("A part is not where the package says.");
        }
        var (all, unknown) = FieldSlots.Names(templates.Values);
        return new WordLetter(entries, all, unknown);
    }

    private static string EntryName(OpenXmlPart part) => Uri.UnescapeDataString(part.Uri.OriginalString).TrimStart('/');

    /// <summary>
    /// Complex fields: runs in document order, a stack for fields within fields. A MERGEFIELD is replaced from its
    /// begin to its end by one placeholder run; one inside another field's code (IF { MERGEFIELD … } …) by code text,
    /// and the outer field is marked for Word to update.
    /// </summary>
    private static void ReplaceComplexFields(OpenXmlElement root, FieldSlots slots)
    {
        var runs = SplitFieldRuns(root);
        var open = new Stack<OpenField>();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (run.GetFirstChild<FieldChar>()?.FieldCharType?.Value is { } type)
            {
                if (type == FieldCharValues.Begin)
                {
                    open.Push(new OpenField(i, open.TryPeek(out var parent) ? parent : null));
                }
                else if (type == FieldCharValues.Separate && open.TryPeek(out var field))
                {
                    field.Separate = i;
                }
                else if (type == FieldCharValues.End && open.TryPop(out var closed))
                {
                    Close(closed, i, runs, slots);
                }
                continue;
            }
            if (open.TryPeek(out var current))
            {
                if (current.InCode)
                {
                    foreach (var code in run.Elements<FieldCode>())
                    {
                        current.Code.Append(code.Text);
                    }
                    current.FirstCodeRun ??= run;
                }
                else if (current.FirstResultRun is null && run.GetFirstChild<Text>() is not null)
                {
                    current.FirstResultRun = run;
                }
            }
        }
    }

    private static void Close(OpenField field, int end, List<Run> runs, FieldSlots slots)
    {
        var code = MergeFieldCode.Parse(field.Code.ToString());
        if (code is null)
        {
            field.Parent?.Placeholders.AddRange(field.Placeholders);
            return;
        }
        var inCode = field.Parent is { InCode: true };
        var format = code.CharFormat ? field.FirstCodeRun : field.FirstResultRun ?? field.FirstCodeRun;
        var placeholder = slots.Placeholder(code, (format ?? runs[field.Begin]).RunProperties, inCode);
        runs[field.Begin].InsertBeforeSelf(placeholder);
        for (var k = field.Begin; k <= end; k++)
        {
            if (runs[k].Parent is not null)
            {
                runs[k].Remove();
            }
        }
        foreach (var nested in field.Placeholders)
        {
            nested.Remove();
        }
        if (field.Parent is { } parent)
        {
            parent.Placeholders.Add(placeholder);
            if (inCode && runs[parent.Begin].GetFirstChild<FieldChar>() is { } begin)
            {
                begin.Dirty = true;
            }
        }
    }

    /// <summary>
    /// The runs of a part, each field character in a run of its own: Word writes them so, other writers may put the
    /// begin, the code and the end in one run.
    /// </summary>
    private static List<Run> SplitFieldRuns(OpenXmlElement root)
    {
        var runs = root.Descendants<Run>().ToList();
        var mixed = runs.Where(r => r.GetFirstChild<FieldChar>() is not null && r.ChildElements.Count(c => c is not RunProperties) > 1).ToList();
        if (mixed.Count == 0)
        {
            return runs;
        }
        foreach (var run in mixed)
        {
            foreach (var child in run.ChildElements.Where(c => c is not RunProperties).ToList())
            {
                var piece = new Run();
                if (run.RunProperties is { } properties)
                {
                    piece.Append(properties.CloneNode(true));
                }
                child.Remove();
                piece.Append(child);
                run.InsertBeforeSelf(piece);
            }
            run.Remove();
        }
        return root.Descendants<Run>().ToList();
    }

    /// <summary>Simple fields, innermost first: the field and its result give way to one placeholder run.</summary>
    private static void ReplaceSimpleFields(OpenXmlElement root, FieldSlots slots)
    {
        foreach (var field in root.Descendants<SimpleField>().Reverse().ToList())
        {
            if (MergeFieldCode.Parse(field.Instruction?.Value ?? "") is not { } code)
            {
                continue;
            }
            var format = field.Descendants<Run>().FirstOrDefault(r => r.GetFirstChild<Text>() is not null)
                ?? field.Descendants<Run>().FirstOrDefault();
            field.InsertBeforeSelf(slots.Placeholder(code, format?.RunProperties, inCode: false));
            field.Remove();
        }
    }

    private static DomainException Refuse(string key, params object[] args) =>
        DomainException.Invalid("file", Messages.Get(key, args));

    private static string Megabytes(long bytes) =>
        (bytes / 1024 / 1024).ToString(System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>A field being read: where it begins, where its result starts, its code so far.</summary>
    private sealed class OpenField(int begin, OpenField? parent)
    {
        public int Begin { get; } = begin;
        public OpenField? Parent { get; } = parent;
        public int Separate { get; set; } = -1;
        public bool InCode => Separate < 0;
        public StringBuilder Code { get; } = new();
        public Run? FirstCodeRun { get; set; }
        public Run? FirstResultRun { get; set; }

        /// <summary>Placeholders of merge fields within this one: they go when this one is replaced.</summary>
        public List<Run> Placeholders { get; } = [];
    }

    /// <summary>A file of the merged package: a part to write for each merge, or one packed for all.</summary>
    private sealed record OutputEntry(string Name, DateTimeOffset LastWriteTime, PartTemplate? Part, PackedZip.Entry? Packed);

    /// <summary>A part as literal XML between placeholders, the literal bytes encoded once.</summary>
    private sealed class PartTemplate(byte[][] literals, Slot[] slots)
    {
        public Slot[] Slots { get; } = slots;

        public long Bytes => literals.Sum(l => (long)l.Length);

        public void Write(Stream output, MergeValues values)
        {
            for (var i = 0; i < literals.Length; i++)
            {
                output.Write(literals[i]);
                if (i < Slots.Length)
                {
                    Slots[i].Write(output, values);
                }
            }
        }
    }

    /// <summary>
    /// One merge field's place: its code, its known name (null: unknown, blank), whether it is code text, and the
    /// markup that breaks its text into lines (the text element's prefix is the part's own, "w" as Word writes it).
    /// </summary>
    private sealed record Slot(MergeFieldCode Code, string? KnownName, bool InCode)
    {
        public byte[] LineBreak { get; init; } = [];

        public void Write(Stream output, MergeValues values)
        {
            if (KnownName is null)
            {
                return;
            }
            var text = Code.Show(values[KnownName]);
            if (text.Length == 0)
            {
                return;
            }
            var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    // Inside a field's code a line break is a space; in text, a Word line break (w:br).
                    output.Write(InCode ? " "u8 : LineBreak);
                }
                output.Write(Encoding.UTF8.GetBytes(XmlText(lines[i])));
            }
        }

        /// <summary>Text as XML content: markup characters escaped, characters XML cannot hold dropped.</summary>
        private static string XmlText(string text)
        {
            var xml = new StringBuilder(text.Length + 16);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '&':
                        xml.Append("&amp;");
                        break;
                    case '<':
                        xml.Append("&lt;");
                        break;
                    case '>':
                        xml.Append("&gt;");
                        break;
                    default:
                        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        {
                            xml.Append(c).Append(text[++i]);
                        }
                        else if (XmlConvert.IsXmlChar(c))
                        {
                            xml.Append(c);
                        }
                        break;
                }
            }
            return xml.ToString();
        }
    }

    /// <summary>
    /// The merge fields found, each a placeholder run whose text is a marker no document holds (private-use
    /// characters around a random tag and the field's number), found again in the part's XML once it is written.
    /// </summary>
    private sealed class FieldSlots
    {
        private readonly string tag = "\uE000" + Guid.NewGuid().ToString("N")[..12] + ":";
        private readonly List<Slot> slots = [];

        public Run Placeholder(MergeFieldCode code, RunProperties? properties, bool inCode)
        {
            var marker = tag + slots.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\uE001";
            slots.Add(new Slot(code, MergeValues.Known(code.Name), inCode));
            var run = new Run();
            if (properties is not null)
            {
                run.Append(properties.CloneNode(true));
            }
            run.Append(inCode
                ? new FieldCode(marker) { Space = SpaceProcessingModeValues.Preserve }
                : new Text(marker) { Space = SpaceProcessingModeValues.Preserve });
            return run;
        }

        /// <summary>The part's XML cut at the markers that are still in it (a field within a replaced one is gone).</summary>
        public PartTemplate Template(OpenXmlElement root)
        {
            var xml = XmlDeclaration + root.OuterXml;
            var literals = new List<byte[]>();
            var used = new List<Slot>();
            var start = 0;
            for (var at = xml.IndexOf(tag, StringComparison.Ordinal); at >= 0; at = xml.IndexOf(tag, start, StringComparison.Ordinal))
            {
                var close = xml.IndexOf('\uE001', at);
                literals.Add(Encoding.UTF8.GetBytes(xml[start..at]));
                var slot = slots[int.Parse(xml.AsSpan(at + tag.Length, close - at - tag.Length), System.Globalization.CultureInfo.InvariantCulture)];
                used.Add(slot with { LineBreak = LineBreak(xml, at) });
                start = close + 1;
            }
            literals.Add(Encoding.UTF8.GetBytes(xml[start..]));
            return new PartTemplate([.. literals], [.. used]);
        }

        /// <summary>Closes the text element the marker is in, breaks the line, opens another: with that element's prefix.</summary>
        private static byte[] LineBreak(string xml, int marker)
        {
            var element = xml.LastIndexOf('<', marker);
            var colon = xml.IndexOf(':', element, marker - element);
            var space = xml.IndexOfAny([' ', '>'], element, marker - element);
            var p = colon > element && (space < 0 || colon < space) ? xml[(element + 1)..(colon + 1)] : "";
            return Encoding.UTF8.GetBytes($"</{p}t><{p}br/><{p}t xml:space=\"preserve\">");
        }

        /// <summary>Field names in order of the parts, known ones spelled as the API does, each once.</summary>
        public static (IReadOnlyList<string> All, IReadOnlyList<string> Unknown) Names(IEnumerable<PartTemplate> parts)
        {
            var all = parts.SelectMany(p => p.Slots).Select(s => s.KnownName ?? s.Code.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return (all, all.Where(n => MergeValues.Known(n) is null).ToList());
        }
    }
}
