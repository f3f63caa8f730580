using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Touchpoint.Core.Delivery;

namespace Touchpoint.Core.Tests.Delivery;

/// <summary>Word-shaped documents built in code, and what a merged one shows.</summary>
internal static class Letters
{
    public static byte[] Build(OpenXmlElement[] body, OpenXmlElement[]? header = null, OpenXmlElement[]? footer = null,
        Action<MainDocumentPart>? more = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var section = new SectionProperties();
            if (header is not null)
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new Header(header);
                section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }
            if (footer is not null)
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new Footer(footer);
                section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }
            main.Document = new Document(new Body([.. body, section]));
            more?.Invoke(main);
        }
        return stream.ToArray();
    }

    public static Paragraph P(params OpenXmlElement[] content) => new(content);

    public static Run R(string text, RunProperties? properties = null) =>
        new(properties?.CloneNode(true) ?? new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>A complex field as Word writes it, the code cut into the given pieces, one run each.</summary>
    public static OpenXmlElement[] Field(string[] code, string result, RunProperties? resultProperties = null) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        .. code.Select(c => new Run(new FieldCode(c) { Space = SpaceProcessingModeValues.Preserve })),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        R(result, resultProperties),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    public static OpenXmlElement[] Field(string code) => Field([code], "«x»");

    public static byte[] Merge(byte[] docx, params (string Name, string? Value)[] values) =>
        WordLetter.Open(docx, "letter.docx").Merge(Values(values));

    public static MergeValues Values(params (string Name, string? Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    /// <summary>The text of a part as Word shows it: a line break is "\n", paragraphs are separated by "¶".</summary>
    public static string Text(OpenXmlElement root) =>
        string.Join("¶", root.Descendants<Paragraph>().Where(p => !p.Ancestors<Paragraph>().Any())
            .Select(p => string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" }))));

    public static T Read<T>(byte[] docx, Func<WordprocessingDocument, T> read)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return read(document);
    }

    /// <summary>Every field code left in the package's XML parts, simple or complex.</summary>
    public static bool HasFields(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        return zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Any(e =>
        {
            using var reader = new StreamReader(e.Open());
            var xml = reader.ReadToEnd();
            return xml.Contains("MERGEFIELD", StringComparison.Ordinal) || xml.Contains("w:fldChar", StringComparison.Ordinal)
                || xml.Contains("w:fldSimple", StringComparison.Ordinal) || xml.Contains('\uE000', StringComparison.Ordinal);
        });
    }
}
