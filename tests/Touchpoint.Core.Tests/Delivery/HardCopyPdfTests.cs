using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Common;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Demo;
using UglyToad.PdfPig;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using static Touchpoint.Core.Tests.Delivery.Letters;

namespace Touchpoint.Core.Tests.Delivery;

/// <summary>Hard copies with the real LibreOffice (soffice on the PATH; ./test.sh installs it), read back with PdfPig.</summary>
public sealed class HardCopyPdfTests : IDisposable
{
    private readonly HardCopyPdf pdf = new(Options.Create(new LibreOfficeOptions()));

    public void Dispose() => pdf.Dispose();

    private static readonly byte[] Sample = SampleLetter.Build(new SampleLetterTexts("Dear",
        ["Thank you for your visit to our showroom.", "We enclose our offer."], "Kind regards,"));

    [Fact]
    public async Task Letters_merged_for_two_contacts_are_one_PDF_with_each_contact_on_a_page_of_its_own_in_the_given_order()
    {
        var letter = WordLetter.Open(Sample, "letter.docx");
        byte[][] letters = [letter.Merge(Contact("Vandersloot", "Utrecht")), letter.Merge(Contact("Quigley", "Malmö"))];

        var pages = PageTexts(await pdf.ToPdfAsync(letters));

        AssertPages(pages, ["Dear Annemarie Vandersloot,", "Utrecht"], ["Dear Annemarie Quigley,", "Malmö"]);
        Assert.DoesNotContain("Quigley", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Vandersloot", pages[1], StringComparison.Ordinal);
        Assert.All(pages, p => Assert.DoesNotContain("«", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_letter_keeps_its_header_footer_table_and_picture_and_numbers_its_pages_from_one()
    {
        var letter = WordLetter.Open(LetterWithTableAndLogo(), "letter.docx");
        byte[][] letters = [letter.Merge(Contact("Vandersloot", "Utrecht")), letter.Merge(Contact("Quigley", "Malmö"))];

        var bytes = await pdf.ToPdfAsync(letters);

        using var document = PdfDocument.Open(bytes);
        Assert.Equal(2, document.NumberOfPages);
        string[] names = ["Vandersloot", "Quigley"];
        for (var i = 0; i < 2; i++)
        {
            var page = document.GetPage(i + 1);
            var text = Text(page);
            Assert.Contains("Letterhead Cronus", text, StringComparison.Ordinal);
            Assert.Contains("Footer line Page 1", text, StringComparison.Ordinal);
            Assert.Contains("Cell Desks", text, StringComparison.Ordinal);
            Assert.Contains("Cell Annemarie " + names[i], text, StringComparison.Ordinal);
            Assert.NotEmpty(page.GetImages());
        }
    }

    [Fact]
    public async Task Three_letters_of_different_templates_come_out_in_the_given_order_each_from_a_new_page()
    {
        var sample = WordLetter.Open(Sample, "letter.docx");
        var counting = WordLetter.Open(LetterCountingItsPages(), "other.docx");
        byte[][] letters = [sample.Merge(Contact("Vandersloot", "Utrecht")), counting.Merge(Contact("Quigley", "Malmö")), sample.Merge(Contact("Oyelaran", "Lagos"))];

        var pages = PageTexts(await pdf.ToPdfAsync(letters));

        // The second letter is two pages long and counts its own pages, not the whole PDF's.
        AssertPages(pages, ["Vandersloot"], ["Quigley", "page 1 of 2"], ["page 2 of 2"], ["Oyelaran"]);
        Assert.DoesNotContain("Oyelaran", pages[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_numbered_list_counts_from_one_again_in_every_letter()
    {
        var letter = WordLetter.Open(LetterWithNumberedList(), "list.docx");
        byte[][] letters = [letter.Merge(Contact("Vandersloot", "Utrecht")), letter.Merge(Contact("Quigley", "Malmö"))];

        var pages = PageTexts(await pdf.ToPdfAsync(letters));

        AssertPages(pages, ["Vandersloot", "1. First item", "2. Second item"], ["Quigley", "1. First item", "2. Second item"]);
    }

    [Fact]
    public void Letters_of_one_template_are_bound_into_one_document_sharing_one_copy_of_an_equal_header()
    {
        var letter = WordLetter.Open(LetterWithTableAndLogo(), "letter.docx");
        var letters = Enumerable.Range(0, 5).Select(i => letter.Merge(Contact("Name" + i, "Utrecht"))).ToList();

        var bound = LetterBinder.Bind(letters, 3);

        Assert.Equal([3, 2], bound.Select(b => b.Letters));
        using var document = WordprocessingDocument.Open(new MemoryStream(bound[0].Docx), false);
        var main = document.MainDocumentPart!;
        Assert.Single(main.HeaderParts);
        Assert.Equal(3, main.Document.Body!.Descendants<SectionProperties>().Count());
        Assert.Equal(["Cell Annemarie Name0", "Cell Annemarie Name1", "Cell Annemarie Name2"],
            main.Document.Body.Descendants<TableCell>().Select(c => c.InnerText).Where(t => t.Contains("Name", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Cancelling_stops_LibreOffice_with_everything_it_started()
    {
        var letter = WordLetter.Open(Sample, "letter.docx");
        var letters = Enumerable.Range(0, 1500).Select(i => letter.Merge(Contact("Name" + i, "Utrecht"))).ToList();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pdf.ToPdfAsync(letters, cancel.Token));

        Assert.Empty(ProcessesUnder(pdf.WorkRoot));
    }

    [Fact]
    public async Task A_conversion_that_takes_too_long_is_stopped_and_says_so()
    {
        using var slow = new HardCopyPdf(Options.Create(new LibreOfficeOptions { TimeoutSeconds = 2 }));
        var letter = WordLetter.Open(Sample, "letter.docx");
        var letters = Enumerable.Range(0, 1500).Select(i => letter.Merge(Contact("Name" + i, "Utrecht"))).ToList();

        await Assert.ThrowsAsync<TimeoutException>(() => slow.ToPdfAsync(letters));

        Assert.Empty(ProcessesUnder(slow.WorkRoot));
    }

    [Fact]
    public async Task Without_LibreOffice_a_hard_copy_is_refused_saying_it_is_not_installed()
    {
        using var missing = new HardCopyPdf(Options.Create(new LibreOfficeOptions { Path = "/nonexistent/soffice" }));

        var refused = await Assert.ThrowsAsync<DomainException>(() => missing.ToPdfAsync([Sample]));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal(Messages.Get("LibreOfficeNotInstalled"), refused.Message);
        Assert.Contains("LibreOffice", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_path_that_does_not_exist_stops_the_start_naming_the_key()
    {
        var validator = new LibreOfficeOptionsValidator();

        var result = validator.Validate(null, new LibreOfficeOptions { Path = "/nonexistent/soffice" });

        Assert.True(result.Failed);
        Assert.Contains("Touchpoint:LibreOffice:Path", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new LibreOfficeOptions()).Succeeded);
    }

    private static MergeValues Contact(string surname, string city) => Values(
        (MergeValues.ContactName, "Annemarie " + surname), (MergeValues.ContactAddress, "Main Street 1"),
        (MergeValues.ContactCity, city), (MergeValues.CompanyName, "Cronus"), (MergeValues.SalespersonEmail, "bob@cronus.example"));

    /// <summary>As many pages as texts are given, each page showing its texts.</summary>
    private static void AssertPages(List<string> pages, params string[][] texts)
    {
        Assert.Equal(texts.Length, pages.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.All(texts[i], text => Assert.Contains(text, pages[i], StringComparison.Ordinal));
        }
    }

    private static List<string> PageTexts(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        return [.. document.GetPages().Select(Text)];
    }

    private static string Text(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    /// <summary>Processes whose command line names the folder: LibreOffice runs started by this instance.</summary>
    private static List<string> ProcessesUnder(string folder) =>
        [.. Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)).Select(d =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                return "";
            }
            catch (UnauthorizedAccessException)
            {
                return "";
            }
        }).Where(c => c.Contains(folder, StringComparison.Ordinal))];

    /// <summary>A letterhead with a picture, a footer with the page number, and a table with a merge field.</summary>
    private static byte[] LetterWithTableAndLogo() => Build(
        [
            P([R("Dear "), .. Field([" MERGEFIELD ContactName "], "«ContactName»")]),
            new Table(
                new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })),
                new TableRow(new TableCell(P(R("Cell Desks"))), new TableCell(P(R("Cell 4")))),
                new TableRow(new TableCell(P([R("Cell "), .. Field([" MERGEFIELD ContactName "], "«ContactName»")])), new TableCell(P(R("Cell 2"))))),
            P(R("Kind regards")),
        ],
        header: [P([R("Letterhead "), .. Field([" MERGEFIELD CompanyName "], "«CompanyName»")])],
        footer: [P([R("Footer line Page "), .. Field([" PAGE "], "1")])],
        more: main => AddLogo(main.HeaderParts.Single()));

    /// <summary>A letter with a numbered list of two items ("1.", "2."), numbered by its numbering part.</summary>
    private static byte[] LetterWithNumberedList()
    {
        static Paragraph Item(string text) =>
            new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), R(text));
        return Build(
            [P([R("Dear "), .. Field([" MERGEFIELD ContactName "], "«ContactName»")]), Item("First item"), Item("Second item")],
            more: main => main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal },
                    new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 0 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 }));
    }

    /// <summary>Two pages, with "page N of M" in the footer: a letter that must not be bound with others.</summary>
    private static byte[] LetterCountingItsPages() => Build(
        [
            P([R("Dear "), .. Field([" MERGEFIELD ContactName "], "«ContactName»")]),
            P(new Run(new Break { Type = BreakValues.Page }), R("The second page.")),
        ],
        footer: [P([R("page "), .. Field([" PAGE "], "1"), R(" of "), .. Field([" NUMPAGES "], "2")])]);

    /// <summary>A 2x2 PNG in the header's first paragraph, as Word inserts a picture (inline DrawingML).</summary>
    private static void AddLogo(HeaderPart header)
    {
        var image = header.AddImagePart(ImagePartType.Png);
        image.FeedData(new MemoryStream(Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==")));
        const long size = 360000; // 1 cm in EMU
        var drawing = new Drawing(new Wp.Inline(
            new Wp.Extent { Cx = size, Cy = size },
            new Wp.DocProperties { Id = 1U, Name = "Logo" },
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = "logo.png" }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = header.GetIdOfPart(image) }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = size, Cy = size }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        header.Header.GetFirstChild<Paragraph>()!.PrependChild(new Run(drawing));
        header.Header.Save();
    }
}
