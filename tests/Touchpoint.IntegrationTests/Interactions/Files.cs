using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>Small real files for upload tests.</summary>
internal static class Files
{
    /// <summary>A minimal Word document (one paragraph of <paramref name="text"/>), as the Open XML SDK writes it.</summary>
    public static byte[] Docx(string text = "Dear «Name»")
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        return buffer.ToArray();
    }

    /// <summary>A Word package whose document part is 50 MB of zeros, packed to a few kilobytes.</summary>
    public static byte[] ZipBomb()
    {
        var letter = Docx($"Bomb {Guid.NewGuid()}");
        using var buffer = new MemoryStream();
        buffer.Write(letter);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            part.Write(new byte[50 * 1024 * 1024]);
        }
        return buffer.ToArray();
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static MultipartFormDataContent Form(string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
