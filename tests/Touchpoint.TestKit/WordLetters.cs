using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Touchpoint.TestKit;

/// <summary>Small Word letters for upload tests, as the Open XML SDK writes them.</summary>
public static class WordLetters
{
    /// <summary>A paragraph of <paramref name="text"/>, then a complex MERGEFIELD per name, its code split over three runs.</summary>
    public static byte[] WithFields(string text, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var body = new Body(new Paragraph(new Run(new Text(text))));
            foreach (var field in fields)
            {
                body.Append(new Paragraph(
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" MERGEFIELD ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldCode(field)),
                    new Run(new FieldCode(" \\* MERGEFORMAT ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                    new Run(new Text($"«{field}»")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
            }
            document.AddMainDocumentPart().Document = new Document(body);
        }
        return buffer.ToArray();
    }
}
