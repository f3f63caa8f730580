using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Touchpoint.Core.Delivery;

namespace Touchpoint.Core.Demo;

/// <summary>The words of a sample letter in one language; the rest (sender, address, date, subject) are merge fields.</summary>
/// <param name="Salutation">Before the contact's name: "Dear", "Beste", "Hej", "Здравствуйте,".</param>
/// <param name="Body">
/// The paragraphs of the letter. A merge field's name in braces ("{ContactCompanyName}") is a merge field there; braces
/// are not used otherwise, since Word shows fields as «Name» and Russian quotes names in «».
/// </param>
/// <param name="Closing">Before the salesperson's name: "Kind regards,".</param>
/// <param name="Language">The culture of the text, for Word's spelling check ("nl-NL").</param>
/// <param name="SalutationEnd">After the contact's name: "," in most languages, "!" in Russian.</param>
public sealed record SampleLetterTexts(string Salutation, IReadOnlyList<string> Body, string Closing, string Language = "en-US",
    string SalutationEnd = ",");

/// <summary>
/// A one-page business letter as Word writes it: the sender in the header, the address block, date, subject (a
/// simple field), salutation, body and signature; the contact's, salesperson's and company's details are MERGEFIELDs,
/// complex ones with their code split over several runs, as Word saves them. For demo letters and for tests.
/// The package is written with <see cref="XmlWriter"/> and <see cref="ZipArchive"/>, not the Open XML SDK: those are
/// compiled ahead of time with the runtime, so the demo company's first start does not wait for the SDK to be compiled.
/// </summary>
public static class SampleLetter
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const string ContentTypes = """
        <?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Default Extension="xml" ContentType="application/xml" /><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" /><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml" /><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" /><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml" Id="R1" /></Relationships>
        """;

    private const string DocumentRelationships = """
        <?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml" Id="R1" /><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml" Id="R2" /><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml" Id="R3" /></Relationships>
        """;

    public static byte[] Build(SampleLetterTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes);
            Part(zip, "_rels/.rels", PackageRelationships);
            Part(zip, "word/_rels/document.xml.rels", DocumentRelationships);
            Part(zip, "word/styles.xml", "styles", w => Styles(w, texts.Language));
            Part(zip, "word/header1.xml", "hdr", w =>
            {
                Paragraph(w, "right", () => Field(w, MergeValues.CompanyName, bold: true, size: 28));
                Paragraph(w, "right", () => Field(w, MergeValues.CompanyAddress));
                // The sender block ends with a thin line across the page, as letterheads do.
                Paragraph(w, "right", () =>
                {
                    Field(w, MergeValues.CompanyPostCode);
                    Text(w, " ");
                    Field(w, MergeValues.CompanyCity);
                }, rule: true);
            });
            Part(zip, "word/footer1.xml", "ftr", w => Paragraph(w, "center", () =>
            {
                Field(w, MergeValues.CompanyName, size: 16);
                Text(w, " · ", size: 16);
                Field(w, MergeValues.SalespersonEmail, size: 16);
            }));
            Part(zip, "word/document.xml", "document", w => Body(w, texts));
        }
        return stream.ToArray();
    }

    private static void Body(XmlWriter w, SampleLetterTexts texts)
    {
        w.WriteStartElement("w", "body", W);
        Paragraph(w, null, () => Field(w, MergeValues.ContactName));
        Paragraph(w, null, () => Field(w, MergeValues.ContactAddress));
        Paragraph(w, null, () =>
        {
            Field(w, MergeValues.ContactPostCode);
            Text(w, "  ");
            Field(w, MergeValues.ContactCity);
        });
        Paragraph(w, null, () => { });
        Paragraph(w, null, () => { });
        Paragraph(w, "right", () => Field(w, MergeValues.Date));
        Paragraph(w, null, () => { });
        Paragraph(w, null, () =>
        {
            w.WriteStartElement("w", "fldSimple", W);
            w.WriteAttributeString("w", "instr", W, " MERGEFIELD Subject \\* MERGEFORMAT ");
            Text(w, "«Subject»", bold: true);
            w.WriteEndElement();
        }, spaced: true);
        Paragraph(w, null, () =>
        {
            Text(w, texts.Salutation + " ");
            Field(w, MergeValues.ContactName);
            Text(w, texts.SalutationEnd);
        }, spaced: true);
        foreach (var paragraph in texts.Body)
        {
            Paragraph(w, null, () => TextWithFields(w, paragraph), spaced: true);
        }
        Paragraph(w, null, () => Text(w, texts.Closing));
        Paragraph(w, null, () => { });
        Paragraph(w, null, () => { });
        Paragraph(w, null, () => Field(w, MergeValues.SalespersonName));
        Paragraph(w, null, () => Field(w, MergeValues.CompanyName));
        w.WriteStartElement("w", "sectPr", W);
        Reference(w, "headerReference", "R2");
        Reference(w, "footerReference", "R3");
        Element(w, "pgSz", ("w", "11906"), ("h", "16838"));
        Element(w, "pgMar", ("top", "2268"), ("right", "1418"), ("bottom", "1418"), ("left", "1418"), ("header", "709"), ("footer", "709"),
            ("gutter", "0"));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Styles(XmlWriter w, string language)
    {
        w.WriteStartElement("w", "docDefaults", W);
        w.WriteStartElement("w", "rPrDefault", W);
        w.WriteStartElement("w", "rPr", W);
        Element(w, "rFonts", ("ascii", "Calibri"), ("hAnsi", "Calibri"), ("eastAsia", "Calibri"), ("cs", "Calibri"));
        Element(w, "sz", ("val", "22"));
        Element(w, "lang", ("val", language));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("w", "pPrDefault", W);
        w.WriteStartElement("w", "pPr", W);
        Element(w, "spacing", ("after", "0"), ("line", "276"), ("lineRule", "auto"));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("w", "style", W);
        w.WriteAttributeString("w", "type", W, "paragraph");
        w.WriteAttributeString("w", "default", W, "1");
        w.WriteAttributeString("w", "styleId", W, "Normal");
        Element(w, "name", ("val", "Normal"));
        Element(w, "qFormat");
        w.WriteEndElement();
    }

    /// <summary>A part whose root element is <paramref name="root"/> in the WordprocessingML namespace.</summary>
    private static void Part(ZipArchive zip, string name, string root, Action<XmlWriter> content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        w.WriteStartDocument(standalone: true);
        w.WriteStartElement("w", root, W);
        w.WriteAttributeString("xmlns", "r", null, R);
        content(w);
        w.WriteEndElement();
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static void Paragraph(XmlWriter w, string? justification, Action runs, bool spaced = false, bool rule = false)
    {
        w.WriteStartElement("w", "p", W);
        if (justification is not null || spaced || rule)
        {
            w.WriteStartElement("w", "pPr", W);
            if (rule)
            {
                w.WriteStartElement("w", "pBdr", W);
                Element(w, "bottom", ("val", "single"), ("sz", "4"), ("space", "4"), ("color", "808080"));
                w.WriteEndElement();
            }
            if (spaced)
            {
                // A paragraph of the letter's text: a blank line's space after it.
                Element(w, "spacing", ("after", "240"));
            }
            if (justification is not null)
            {
                Element(w, "jc", ("val", justification));
            }
            w.WriteEndElement();
        }
        runs();
        w.WriteEndElement();
    }

    /// <summary>A paragraph's text, each "{Name}" in it a merge field.</summary>
    private static void TextWithFields(XmlWriter w, string paragraph)
    {
        var at = 0;
        while (paragraph.IndexOf('{', at) is var open and >= 0 && paragraph.IndexOf('}', open) is var close and >= 0)
        {
            if (open > at)
            {
                Text(w, paragraph[at..open]);
            }
            Field(w, paragraph[(open + 1)..close]);
            at = close + 1;
        }
        if (at < paragraph.Length || at == 0)
        {
            Text(w, paragraph[at..]);
        }
    }

    private static void Text(XmlWriter w, string text, bool bold = false, int? size = null) =>
        Run(w, bold, size, () =>
        {
            w.WriteStartElement("w", "t", W);
            w.WriteAttributeString("xml", "space", null, "preserve");
            w.WriteString(text);
            w.WriteEndElement();
        });

    /// <summary>A complex MERGEFIELD as Word saves it: begin, the code in three runs, separate, «Name», end.</summary>
    private static void Field(XmlWriter w, string name, bool bold = false, int? size = null)
    {
        Run(w, bold, size, () => Element(w, "fldChar", ("fldCharType", "begin")));
        foreach (var code in (ReadOnlySpan<string>)[" MERGEFIELD ", name, " \\* MERGEFORMAT "])
        {
            Run(w, bold, size, () =>
            {
                w.WriteStartElement("w", "instrText", W);
                w.WriteAttributeString("xml", "space", null, "preserve");
                w.WriteString(code);
                w.WriteEndElement();
            });
        }
        Run(w, bold, size, () => Element(w, "fldChar", ("fldCharType", "separate")));
        Text(w, "«" + name + "»", bold, size);
        Run(w, bold, size, () => Element(w, "fldChar", ("fldCharType", "end")));
    }

    private static void Run(XmlWriter w, bool bold, int? size, Action content)
    {
        w.WriteStartElement("w", "r", W);
        w.WriteStartElement("w", "rPr", W);
        if (bold)
        {
            Element(w, "b");
        }
        if (size is { } halfPoints)
        {
            Element(w, "sz", ("val", halfPoints.ToString(CultureInfo.InvariantCulture)));
        }
        w.WriteEndElement();
        content();
        w.WriteEndElement();
    }

    private static void Reference(XmlWriter w, string kind, string id)
    {
        w.WriteStartElement("w", kind, W);
        w.WriteAttributeString("w", "type", W, "default");
        w.WriteAttributeString("r", "id", R, id);
        w.WriteEndElement();
    }

    /// <summary>An empty element with w: attributes.</summary>
    private static void Element(XmlWriter w, string name, params ReadOnlySpan<(string Name, string Value)> attributes)
    {
        w.WriteStartElement("w", name, W);
        foreach (var (attribute, value) in attributes)
        {
            w.WriteAttributeString("w", attribute, W, value);
        }
        w.WriteEndElement();
    }
}
