using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
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
/// </summary>
public static class SampleLetter
{
    public static byte[] Build(SampleLetterTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main, texts.Language);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(
                Paragraph(JustificationValues.Right, Field(MergeValues.CompanyName, bold: true, size: 28)),
                Paragraph(JustificationValues.Right, Field(MergeValues.CompanyAddress)),
                Rule(Paragraph(JustificationValues.Right, [.. Field(MergeValues.CompanyPostCode), Text(" "), .. Field(MergeValues.CompanyCity)])));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Paragraph(JustificationValues.Center,
                [.. Field(MergeValues.CompanyName, size: 16), Text(" · ", size: 16), .. Field(MergeValues.SalespersonEmail, size: 16)]));

            var body = new Body(
                Paragraph(null, Field(MergeValues.ContactName)),
                Paragraph(null, Field(MergeValues.ContactAddress)),
                Paragraph(null, [.. Field(MergeValues.ContactPostCode), Text("  "), .. Field(MergeValues.ContactCity)]),
                Paragraph(null),
                Paragraph(null),
                Paragraph(JustificationValues.Right, Field(MergeValues.Date)),
                Paragraph(null),
                Spaced(new Paragraph(new SimpleField(new Run(Bold(), new Text("«Subject»"))) { Instruction = " MERGEFIELD Subject \\* MERGEFORMAT " })),
                Spaced(Paragraph(null, [Text(texts.Salutation + " "), .. Field(MergeValues.ContactName), Text(texts.SalutationEnd)])));
            foreach (var paragraph in texts.Body)
            {
                body.Append(Spaced(Paragraph(null, TextWithFields(paragraph))));
            }
            body.Append(
                Paragraph(null, Text(texts.Closing)),
                Paragraph(null),
                Paragraph(null),
                Paragraph(null, Field(MergeValues.SalespersonName)),
                Paragraph(null, Field(MergeValues.CompanyName)),
                new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                    new PageSize { Width = 11906, Height = 16838 },
                    new PageMargin { Top = 2268, Right = 1418, Bottom = 1418, Left = 1418, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                    new FontSize { Val = "22" },
                    new Languages { Val = language })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
    }

    private static Paragraph Paragraph(JustificationValues? justification, params OpenXmlElement[] runs)
    {
        var paragraph = new Paragraph();
        if (justification is { } value)
        {
            paragraph.Append(new ParagraphProperties(new Justification { Val = value }));
        }
        paragraph.Append(runs);
        return paragraph;
    }

    /// <summary>A paragraph of the letter's text: a blank line's space after it.</summary>
    private static Paragraph Spaced(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        properties.Append(new SpacingBetweenLines { After = "240" });
        return paragraph;
    }

    /// <summary>The sender block ends with a thin line across the page, as letterheads do.</summary>
    private static Paragraph Rule(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        properties.PrependChild(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = "808080" }));
        return paragraph;
    }

    private static Run Text(string text, int? size = null) =>
        new(Properties(bold: false, size), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>A paragraph's text, each "{Name}" in it a merge field.</summary>
    private static OpenXmlElement[] TextWithFields(string paragraph)
    {
        var runs = new List<OpenXmlElement>();
        var at = 0;
        while (paragraph.IndexOf('{', at) is var open and >= 0 && paragraph.IndexOf('}', open) is var close and >= 0)
        {
            if (open > at)
            {
                runs.Add(Text(paragraph[at..open]));
            }
            runs.AddRange(Field(paragraph[(open + 1)..close]));
            at = close + 1;
        }
        if (at < paragraph.Length || runs.Count == 0)
        {
            runs.Add(Text(paragraph[at..]));
        }
        return [.. runs];
    }

    private static RunProperties Bold() => new(new Bold());

    private static RunProperties Properties(bool bold, int? size)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }
        if (size is { } halfPoints)
        {
            properties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        return properties;
    }

    /// <summary>A complex MERGEFIELD as Word saves it: begin, the code in three runs, separate, «Name», end.</summary>
    private static OpenXmlElement[] Field(string name, bool bold = false, int? size = null) =>
    [
        new Run(Properties(bold, size), new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(Properties(bold, size), new FieldCode(" MERGEFIELD ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(Properties(bold, size), new FieldCode(name) { Space = SpaceProcessingModeValues.Preserve }),
        new Run(Properties(bold, size), new FieldCode(" \\* MERGEFORMAT ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(Properties(bold, size), new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(Properties(bold, size), new Text("«" + name + "»")),
        new Run(Properties(bold, size), new FieldChar { FieldCharType = FieldCharValues.End }),
    ];
}
