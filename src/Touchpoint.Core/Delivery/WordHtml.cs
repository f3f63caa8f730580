using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// A merged Word letter as the HTML body of an e-mail (rule 49): its paragraphs in order (tables' too), their text with
/// bold and italic, line breaks and tabs; every text escaped. Layout, images, headers and footers are left out: a
/// letter that needs them is sent as a .docx attachment ("Send Word Docs. as Attmt."). Read with one forward pass of
/// word/document.xml, so a mail of a 10,000-contact segment costs little more than its merge.
/// </summary>
public static class WordHtml
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string DocumentPart = "word/document.xml";

    public static string FromDocx(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        var part = zip.GetEntry(DocumentPart) ?? throw new InvalidDataException("The letter has no word/document.xml.");
        using var stream = part.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = false });
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
        var paragraph = new StringBuilder();
        bool bold = false, italic = false, inParagraph = false, inRunProperties = false, inParagraphProperties = false, inText = false;
        var depthSkip = -1;
        while (reader.Read())
        {
            if (depthSkip >= 0)
            {
                // Deleted text and field codes are not what the reader sees.
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depthSkip)
                {
                    depthSkip = -1;
                }
                continue;
            }
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                if (inText)
                {
                    Append(paragraph, reader.Value, bold, italic);
                }
                continue;
            }
            if (reader.NamespaceURI != W)
            {
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "p":
                        inParagraph = true;
                        paragraph.Clear();
                        if (reader.IsEmptyElement)
                        {
                            html.Append("<p>&nbsp;</p>\n");
                            inParagraph = false;
                        }
                        break;
                    case "pPr":
                        inParagraphProperties = !reader.IsEmptyElement;
                        break;
                    case "r":
                        bold = italic = false;
                        break;
                    case "rPr":
                        inRunProperties = !reader.IsEmptyElement && !inParagraphProperties;
                        break;
                    case "b" when inRunProperties:
                        bold = IsOn(reader);
                        break;
                    case "i" when inRunProperties:
                        italic = IsOn(reader);
                        break;
                    case "t" when inParagraph:
                        inText = !reader.IsEmptyElement;
                        break;
                    case "tab" when inParagraph && !inParagraphProperties:
                        paragraph.Append("&emsp;");
                        break;
                    case "br" or "cr" when inParagraph:
                        paragraph.Append("<br>");
                        break;
                    case "del" or "instrText" or "delText" when !reader.IsEmptyElement:
                        depthSkip = reader.Depth;
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                switch (reader.LocalName)
                {
                    case "p":
                        html.Append("<p>").Append(paragraph.Length == 0 ? "&nbsp;" : paragraph.ToString()).Append("</p>\n");
                        inParagraph = false;
                        break;
                    case "t":
                        inText = false;
                        break;
                    case "pPr":
                        inParagraphProperties = false;
                        break;
                    case "rPr":
                        inRunProperties = false;
                        break;
                }
            }
        }
        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>&lt;w:b/&gt; is on; w:val="0" or "false" turns it off.</summary>
    private static bool IsOn(XmlReader reader) => reader.GetAttribute("val", W) is not ("0" or "false" or "off");

    private static void Append(StringBuilder html, string text, bool bold, bool italic)
    {
        if (text.Length == 0)
        {
            return;
        }
        if (bold)
        {
            html.Append("<b>");
        }
        if (italic)
        {
            html.Append("<i>");
        }
        // Only what HTML gives a meaning: the body is UTF-8, so letters of any language stay readable as they are.
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                _ => html.Append(c),
            };
        }
        if (italic)
        {
            html.Append("</i>");
        }
        if (bold)
        {
            html.Append("</b>");
        }
    }
}
