using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// Binds merged Word letters, in order, into as few .docx files as it can, each letter a section of its own that
/// starts on a new page with its own headers, footers and page numbers: LibreOffice then starts once for a whole batch
/// and converts one long document, which is what makes a thousand letters a matter of seconds (starting it per letter
/// costs a second or more each). Letters are bound together only when they come from the same template (the same
/// styles, numbering, settings, theme and fonts, byte for byte, as every merge of one letter is); a letter that counts
/// its pages (NUMPAGES would count the whole file's) or that has footnotes, endnotes or comments (their numbers would
/// clash) stays a file of its own. The packages are read and written as ZIP and XML directly: opening a package with
/// the Open XML SDK costs milliseconds per letter, more than the merge itself.
/// </summary>
public static class LetterBinder
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace O = "urn:schemas-microsoft-com:office:office";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    /// <summary>The parts letters must share, by the end of their relationship type, to be bound together.</summary>
    private static readonly string[] TemplateParts = ["/styles", "/numbering", "/settings", "/theme", "/fontTable", "/webSettings", "/stylesWithEffects"];

    /// <summary>The relationship types of parts that hold things a bound file could count wrongly or number twice.</summary>
    private static readonly string[] PageCounting = ["NUMPAGES", "SECTIONPAGES"];

    /// <summary>A .docx to convert and how many letters, in order, it holds.</summary>
    public sealed record Bound(byte[] Docx, int Letters);

    /// <summary>
    /// The letters as consecutive files: each holds one letter or several bound together, at most
    /// <paramref name="maxLettersPerFile"/>; read in order, the files give the letters in order.
    /// </summary>
    public static IReadOnlyList<Bound> Bind(IReadOnlyList<byte[]> letters, int maxLettersPerFile)
    {
        ArgumentNullException.ThrowIfNull(letters);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLettersPerFile, 1);
        var result = new List<Bound>();
        Binding? open = null;
        try
        {
            foreach (var bytes in letters)
            {
                var letter = Letter.Read(bytes);
                if (open is not null && (letter.Key is null || letter.Key != open.Key || open.Letters == maxLettersPerFile))
                {
                    result.Add(open.Finish());
                    open.Dispose();
                    open = null;
                }
                if (letter.Key is null)
                {
                    result.Add(new Bound(bytes, 1));
                    letter.Dispose();
                }
                else if (open is null)
                {
                    open = new Binding(letter);
                }
                else
                {
                    using (letter)
                    {
                        open.Append(letter);
                    }
                }
            }
            if (open is not null)
            {
                result.Add(open.Finish());
            }
            return result;
        }
        finally
        {
            open?.Dispose();
        }
    }

    /// <summary>A relationship of a part: its id, type, target (a part's name in the package, or a URI) and mode.</summary>
    private sealed record Relationship(string Id, string Type, string Target, bool External);

    /// <summary>One letter, read: its files, its main part's XML and relationships, and its template key.</summary>
    private sealed class Letter : IDisposable
    {
        private readonly ZipArchive zip;

        private Letter(ZipArchive zip, Dictionary<string, ZipArchiveEntry> files, string mainName, XDocument document, List<Relationship> relationships)
        {
            this.zip = zip;
            Files = files;
            MainName = mainName;
            Document = document;
            Relationships = relationships;
        }

        public Dictionary<string, ZipArchiveEntry> Files { get; }

        public string MainName { get; }

        public XDocument Document { get; }

        public List<Relationship> Relationships { get; }

        /// <summary>The hash of the template's parts; null when the letter must stay a file of its own.</summary>
        public string? Key { get; private set; }

        public static Letter Read(byte[] bytes)
        {
            var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            try
            {
                return Read(zip);
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }

        private static Letter Read(ZipArchive zip)
        {
            var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, StringComparer.OrdinalIgnoreCase);
            var mainName = RelationshipsOf(files, "").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal))?.Target
                ?? throw new InvalidDataException("A letter has no main document part.");
            var xml = Text(files, mainName);
            var letter = new Letter(zip, files, mainName, XDocument.Parse(xml, LoadOptions.PreserveWhitespace), RelationshipsOf(files, mainName));
            letter.Key = letter.Bindable(xml) ? letter.TemplateKey() : null;
            return letter;
        }

        public void Dispose() => zip.Dispose();

        private bool Bindable(string xml)
        {
            var body = Document.Root?.Element(W + "body");
            if (body is null || body.Descendants().Any(e => e.Name == W + "footnoteReference" || e.Name == W + "endnoteReference"
                    || e.Name == W + "commentReference" || e.Name == W + "commentRangeStart"))
            {
                return false;
            }
            var texts = Relationships.Where(r => !r.External && (r.Type.EndsWith("/header", StringComparison.Ordinal) || r.Type.EndsWith("/footer", StringComparison.Ordinal)))
                .Select(r => Text(Files, r.Target)).Prepend(xml);
            return !texts.Any(t => PageCounting.Any(word => t.Contains(word, StringComparison.OrdinalIgnoreCase)));
        }

        private string TemplateKey()
        {
            var key = new StringBuilder();
            foreach (var type in TemplateParts)
            {
                var part = Relationships.FirstOrDefault(r => !r.External && r.Type.EndsWith(type, StringComparison.Ordinal));
                var entry = part is null ? null : Files.GetValueOrDefault(part.Target);
                key.Append(entry is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{entry.Crc32:x8}.{entry.Length}")).Append('|');
            }
            // The root's namespace declarations: mc:Ignorable names prefixes the root must declare.
            foreach (var ns in Document.Root!.Attributes().Where(a => a.IsNamespaceDeclaration))
            {
                key.Append(ns.Name.LocalName).Append('=').Append(ns.Value).Append(';');
            }
            return key.ToString();
        }
    }

    /// <summary>
    /// A file being bound: the first letter's package, its body followed by the others'. Parts the later letters refer
    /// to (headers, footers, pictures) are copied once per distinct content: a letterhead that every letter shows is
    /// one part, not a thousand.
    /// </summary>
    private sealed class Binding : IDisposable
    {
        private readonly Letter first;
        private readonly XElement body;
        private readonly XElement relationships;
        private readonly XElement contentTypes;
        private readonly XDocument? numbering;
        private readonly string? numberingName;
        private readonly Dictionary<string, byte[]> added = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> copiedParts = new(StringComparer.Ordinal);
        private readonly HashSet<string> ids;
        private List<XElement> pending;
        private int bookmarkOffset;
        private int nextPart;
        private int nextNumId;

        public Binding(Letter letter)
        {
            first = letter;
            Key = letter.Key!;
            body = letter.Document.Root!.Element(W + "body")!;
            pending = [.. body.Elements()];
            body.RemoveNodes();
            relationships = new XElement(PackageRelationships + "Relationships",
                letter.Relationships.Select(r => RelationshipElement(r.Id, r.Type, r.External ? r.Target : Absolute(r.Target), r.External)));
            ids = [.. letter.Relationships.Select(r => r.Id)];
            contentTypes = XDocument.Parse(Text(letter.Files, "[Content_Types].xml")).Root!;
            if (letter.Relationships.FirstOrDefault(r => !r.External && r.Type.EndsWith("/numbering", StringComparison.Ordinal)) is { } part
                && letter.Files.ContainsKey(part.Target))
            {
                numberingName = part.Target;
                numbering = XDocument.Parse(Text(letter.Files, part.Target), LoadOptions.PreserveWhitespace);
                nextNumId = numbering.Root!.Elements(W + "num").Select(n => Int(n.Attribute(W + "numId"))).DefaultIfEmpty(0).Max() + 1;
            }
            foreach (var relationship in letter.Relationships.Where(r => !r.External))
            {
                copiedParts.TryAdd(Signature(letter, relationship.Target, 0), relationship.Id);
            }
            bookmarkOffset = pending.SelectMany(e => e.DescendantsAndSelf(W + "bookmarkStart")).Select(b => Int(b.Attribute(W + "id")) + 1).DefaultIfEmpty(0).Max();
            Letters = 1;
        }

        public string Key { get; }

        public int Letters { get; private set; }

        /// <summary>The first letter's package is read until the bound file is written.</summary>
        public void Dispose() => first.Dispose();

        /// <summary>Ends the letters so far with a section break and adds the next letter's body after them.</summary>
        public void Append(Letter letter)
        {
            body.Add(CloseLastSection(pending));
            var source = letter.Document.Root!.Element(W + "body")!;
            var content = source.Elements().ToList();
            source.RemoveNodes();
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            var numbers = new Dictionary<int, int>();
            var bookmarks = 0;
            XElement? firstSection = null;
            foreach (var node in content.SelectMany(e => e.DescendantsAndSelf()))
            {
                Rewire(node, letter, map);
                if (node.Name == W + "bookmarkStart" || node.Name == W + "bookmarkEnd")
                {
                    var id = Int(node.Attribute(W + "id"));
                    node.SetAttributeValue(W + "id", (id + bookmarkOffset).ToString(CultureInfo.InvariantCulture));
                    bookmarks = Math.Max(bookmarks, id + 1);
                }
                else if (node.Name == W + "numId" && Int(node.Attribute(W + "val")) is var numId and > 0)
                {
                    node.SetAttributeValue(W + "val", RestartedList(numId, numbers).ToString(CultureInfo.InvariantCulture));
                }
                else if (node.Name == W + "sectPr" && firstSection is null)
                {
                    firstSection = node;
                }
            }
            if (firstSection is not null)
            {
                StartLetter(firstSection);
            }
            bookmarkOffset += bookmarks;
            pending = content;
            Letters++;
        }

        /// <summary>The bound file: the first letter's package with the new body, parts and relationships.</summary>
        public Bound Finish()
        {
            body.Add(pending);
            var replaced = new Dictionary<string, byte[]>(added, StringComparer.OrdinalIgnoreCase)
            {
                [first.MainName] = Xml(first.Document),
                [RelationshipsName(first.MainName)] = Xml(new XDocument(relationships)),
                ["[Content_Types].xml"] = Xml(new XDocument(contentTypes)),
            };
            if (numbering is not null)
            {
                replaced[numberingName!] = Xml(numbering);
            }
            var entries = new List<PackedZip.Entry>();
            var now = DateTimeOffset.UtcNow;
            foreach (var (name, entry) in first.Files)
            {
                if (!replaced.ContainsKey(name))
                {
                    using var stream = entry.Open();
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    entries.Add(PackedZip.Pack(name, copy.GetBuffer().AsSpan(0, (int)copy.Length), entry.LastWriteTime, CompressionLevel.Fastest));
                }
            }
            foreach (var (name, bytes) in replaced)
            {
                entries.Add(PackedZip.Pack(name, bytes, now, CompressionLevel.Fastest));
            }
            using var output = new MemoryStream();
            PackedZip.Write(output, entries);
            return new Bound(output.ToArray(), Letters);
        }

        /// <summary>
        /// Moves a letter's own section properties (its last section's, the body's last child) into its last
        /// paragraph's properties, where Word keeps a section break; a letter ending on a table gets an empty paragraph.
        /// </summary>
        private static List<XElement> CloseLastSection(List<XElement> letter)
        {
            var section = letter.LastOrDefault(e => e.Name == W + "sectPr") ?? new XElement(W + "sectPr");
            letter.Remove(section);
            var last = letter.LastOrDefault();
            if (last is null || last.Name != W + "p" || last.Element(W + "pPr")?.Element(W + "sectPr") is not null)
            {
                last = new XElement(W + "p");
                letter.Add(last);
            }
            var properties = last.Element(W + "pPr");
            if (properties is null)
            {
                properties = new XElement(W + "pPr");
                last.AddFirst(properties);
            }
            // Schema order: the section properties come after the paragraph's other properties, before its change mark.
            if (properties.Element(W + "pPrChange") is { } change)
            {
                change.AddBeforeSelf(section);
            }
            else
            {
                properties.Add(section);
            }
            return letter;
        }

        /// <summary>A letter's first section starts on a new page and numbers its pages from 1.</summary>
        private static void StartLetter(XElement section)
        {
            section.Element(W + "type")?.SetAttributeValue(W + "val", "nextPage");
            if (section.Element(W + "pgNumType") is { } pages)
            {
                if (pages.Attribute(W + "start") is null)
                {
                    pages.SetAttributeValue(W + "start", "1");
                }
                return;
            }
            // Schema order: pgNumType comes after the page size, margins and borders, before cols and the rest.
            string[] after = ["cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"];
            var numbers = new XElement(W + "pgNumType", new XAttribute(W + "start", "1"));
            if (section.Elements().FirstOrDefault(e => e.Name.Namespace == W && after.Contains(e.Name.LocalName)) is { } before)
            {
                before.AddBeforeSelf(numbers);
            }
            else
            {
                section.Add(numbers);
            }
        }

        /// <summary>
        /// A numbered list of a later letter gets a list instance of its own, restarted, so that it counts from 1
        /// again instead of going on from the previous letter's list.
        /// </summary>
        private int RestartedList(int numId, Dictionary<int, int> numbers)
        {
            if (numbering?.Root is not { } root)
            {
                return numId;
            }
            if (numbers.TryGetValue(numId, out var mapped))
            {
                return mapped;
            }
            var instance = root.Elements(W + "num").FirstOrDefault(n => Int(n.Attribute(W + "numId")) == numId);
            if (instance?.Element(W + "abstractNumId") is not { } abstractRef)
            {
                return numId;
            }
            var abstractId = Int(abstractRef.Attribute(W + "val"));
            var abstractNum = root.Elements(W + "abstractNum").FirstOrDefault(a => Int(a.Attribute(W + "abstractNumId")) == abstractId);
            var restarted = new XElement(instance);
            restarted.SetAttributeValue(W + "numId", nextNumId.ToString(CultureInfo.InvariantCulture));
            for (var level = 0; level < 9; level++)
            {
                var start = abstractNum?.Elements(W + "lvl").FirstOrDefault(l => Int(l.Attribute(W + "ilvl")) == level)?.Element(W + "start")?.Attribute(W + "val")?.Value ?? "1";
                var levelOverride = restarted.Elements(W + "lvlOverride").FirstOrDefault(o => Int(o.Attribute(W + "ilvl")) == level);
                if (levelOverride is null)
                {
                    levelOverride = new XElement(W + "lvlOverride", new XAttribute(W + "ilvl", level.ToString(CultureInfo.InvariantCulture)));
                    restarted.Add(levelOverride);
                }
                if (levelOverride.Element(W + "startOverride") is null)
                {
                    levelOverride.AddFirst(new XElement(W + "startOverride", new XAttribute(W + "val", start)));
                }
            }
            root.Add(restarted);
            numbers[numId] = nextNumId;
            return nextNumId++;
        }

        /// <summary>Points every relationship id of a moved element at this file's copy of what it names.</summary>
        private void Rewire(XElement node, Letter letter, Dictionary<string, string> map)
        {
            foreach (var attribute in node.Attributes().ToList())
            {
                if (attribute.Name.Namespace != R && attribute.Name != O + "relid" || attribute.Value.Length == 0)
                {
                    continue;
                }
                if (!map.TryGetValue(attribute.Value, out var id))
                {
                    id = letter.Relationships.FirstOrDefault(r => r.Id == attribute.Value) is { } relationship ? Copy(letter, relationship) : attribute.Value;
                    map[attribute.Value] = id;
                }
                attribute.Value = id;
            }
        }

        private string Copy(Letter letter, Relationship relationship)
        {
            if (relationship.External)
            {
                return AddRelationship(relationship.Type, relationship.Target, external: true);
            }
            var signature = Signature(letter, relationship.Target, 0);
            if (!copiedParts.TryGetValue(signature, out var id))
            {
                id = AddRelationship(relationship.Type, Absolute(CopyPart(letter, relationship.Target, 0)), external: false);
                copiedParts[signature] = id;
            }
            return id;
        }

        /// <summary>
        /// Copies a part under a new name, with the parts it refers to (a header's pictures). Its relationship ids stay
        /// as they are, so its XML is copied byte for byte; only the targets of its relationships change.
        /// </summary>
        private string CopyPart(Letter letter, string name, int depth)
        {
            var folder = name.Contains('/', StringComparison.Ordinal) ? name[..(name.LastIndexOf('/') + 1)] : "";
            var extension = Path.GetExtension(name);
            string newName;
            do
            {
                newName = string.Create(CultureInfo.InvariantCulture, $"{folder}bound{++nextPart}{extension}");
            }
            while (first.Files.ContainsKey(newName) || added.ContainsKey(newName));
            added[newName] = Bytes(letter.Files, name);
            if (SourceContentType(letter, name) is { } contentType)
            {
                contentTypes.Add(new XElement(ContentTypes + "Override", new XAttribute("PartName", "/" + newName), new XAttribute("ContentType", contentType)));
            }
            var children = RelationshipsOf(letter.Files, name);
            if (children.Count > 0)
            {
                added[RelationshipsName(newName)] = Xml(new XDocument(new XElement(PackageRelationships + "Relationships",
                    children.Select(c => RelationshipElement(c.Id, c.Type,
                        c.External ? c.Target : Absolute(depth < 8 && letter.Files.ContainsKey(c.Target) ? CopyPart(letter, c.Target, depth + 1) : c.Target), c.External)))));
            }
            return newName;
        }

        /// <summary>A part's content type as the letter's own [Content_Types].xml gives it (override, else by extension).</summary>
        private string? SourceContentType(Letter letter, string name)
        {
            var types = XDocument.Parse(Text(letter.Files, "[Content_Types].xml")).Root!;
            var own = types.Elements(ContentTypes + "Override").FirstOrDefault(o => string.Equals((string?)o.Attribute("PartName"), "/" + name, StringComparison.OrdinalIgnoreCase));
            if (own is not null)
            {
                return own.Attribute("ContentType")?.Value;
            }
            var extension = Path.GetExtension(name).TrimStart('.');
            if (!contentTypes.Elements(ContentTypes + "Default").Any(d => string.Equals((string?)d.Attribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
                && types.Elements(ContentTypes + "Default").FirstOrDefault(d => string.Equals((string?)d.Attribute("Extension"), extension, StringComparison.OrdinalIgnoreCase)) is { } byExtension)
            {
                contentTypes.AddFirst(new XElement(byExtension));
            }
            return null;
        }

        private string AddRelationship(string type, string target, bool external)
        {
            string id;
            do
            {
                id = string.Create(CultureInfo.InvariantCulture, $"rIdB{ids.Count + 1}");
            }
            while (!ids.Add(id));
            relationships.Add(RelationshipElement(id, type, target, external));
            return id;
        }

        private static XElement RelationshipElement(string id, string type, string target, bool external)
        {
            var element = new XElement(PackageRelationships + "Relationship", new XAttribute("Id", id), new XAttribute("Type", type), new XAttribute("Target", target));
            if (external)
            {
                element.Add(new XAttribute("TargetMode", "External"));
            }
            return element;
        }

        /// <summary>What a part is: its kind, its content and what it refers to, so that equal parts are copied once.</summary>
        private static string Signature(Letter letter, string name, int depth)
        {
            if (!letter.Files.TryGetValue(name, out var entry))
            {
                return "missing:" + name;
            }
            var signature = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{Path.GetExtension(name)}:{entry.Crc32:x8}.{entry.Length}"));
            foreach (var child in RelationshipsOf(letter.Files, name))
            {
                // Parts that refer back up (rare) are told apart by their name alone, not followed for ever.
                signature.Append('|').Append(child.Id).Append('=').Append(child.External || depth >= 8 ? child.Target : Signature(letter, child.Target, depth + 1));
            }
            return signature.Length > 512 ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(signature.ToString()))) : signature.ToString();
        }
    }

    /// <summary>The relationships of a part (<c>""</c>: of the package), targets resolved to part names.</summary>
    private static List<Relationship> RelationshipsOf(Dictionary<string, ZipArchiveEntry> files, string part)
    {
        var name = RelationshipsName(part);
        if (!files.ContainsKey(name))
        {
            return [];
        }
        var folder = part.Contains('/', StringComparison.Ordinal) ? part[..(part.LastIndexOf('/') + 1)] : "";
        return [.. XDocument.Parse(Text(files, name)).Root!.Elements(PackageRelationships + "Relationship").Select(r =>
        {
            var external = string.Equals((string?)r.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
            var target = (string?)r.Attribute("Target") ?? "";
            return new Relationship((string?)r.Attribute("Id") ?? "", (string?)r.Attribute("Type") ?? "", external ? target : Resolve(folder, target), external);
        })];
    }

    private static string RelationshipsName(string part)
    {
        var slash = part.LastIndexOf('/');
        return part.Length == 0 ? "_rels/.rels" : part[..(slash + 1)] + "_rels/" + part[(slash + 1)..] + ".rels";
    }

    /// <summary>A relationship's target as a part name: relative to the source's folder, or from the root with "/".</summary>
    private static string Resolve(string folder, string target)
    {
        var path = Uri.UnescapeDataString(target.StartsWith('/') ? target[1..] : folder + target);
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }
        return string.Join('/', parts);
    }

    /// <summary>A part's name as a target from another part: from the package root, which every reader accepts.</summary>
    private static string Absolute(string name) => "/" + name;

    private static int Int(XAttribute? attribute) =>
        int.TryParse(attribute?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static byte[] Bytes(Dictionary<string, ZipArchiveEntry> files, string name)
    {
        using var stream = files[name].Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(Dictionary<string, ZipArchiveEntry> files, string name)
    {
        if (!files.TryGetValue(name, out var entry))
        {
            throw new InvalidDataException($"{name} is missing.");
        }
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] Xml(XDocument document)
    {
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            document.Save(writer);
        }
        return output.ToArray();
    }
}
