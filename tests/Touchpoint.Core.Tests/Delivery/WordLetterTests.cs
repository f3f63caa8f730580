using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Touchpoint.Core.Common;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Demo;
using static Touchpoint.Core.Tests.Delivery.Letters;
using Vml = DocumentFormat.OpenXml.Vml;

namespace Touchpoint.Core.Tests.Delivery;

public sealed class WordLetterTests
{
    private static string Body(byte[] docx) => Read(docx, d => Text(d.MainDocumentPart!.Document!.Body!));

    [Fact]
    public void A_complex_field_whose_code_is_split_over_several_runs_is_merged_and_keeps_the_result_formatting()
    {
        var boldItalic = new RunProperties(new Bold(), new Italic(), new Color { Val = "C00000" });
        var docx = Build([P([R("To: "), .. Field([" MERGE", "FIELD Contact", "Name", " \\* MERGEFORMAT "], "«ContactName»", boldItalic), R(".")])]);

        var merged = Merge(docx, (MergeValues.ContactName, "Ann Smith"));

        Assert.True(HasFields(docx));
        Assert.Equal("To: Ann Smith.", Body(merged));
        var run = Read(merged, d => d.MainDocumentPart!.Document!.Body!.Descendants<Run>().Single(r => r.InnerText == "Ann Smith").CloneNode(true));
        Assert.NotNull(run.Descendants<Bold>().SingleOrDefault());
        Assert.NotNull(run.Descendants<Italic>().SingleOrDefault());
        Assert.Equal("C00000", run.Descendants<Color>().Single().Val!.Value);
        Assert.False(HasFields(merged));
    }

    [Fact]
    public void Values_are_written_literally_however_much_markup_they_hold()
    {
        var docx = Build([P(Field([" MERGEFIELD ContactName "], "«ContactName»"))]);

        var merged = Merge(docx, (MergeValues.ContactName, "<b>&\"x\" </w:t>\u0001"));

        Assert.Equal("<b>&\"x\" </w:t>", Body(merged));
    }

    [Fact]
    public void Fields_in_headers_footers_tables_and_text_boxes_are_merged()
    {
        var table = new Table(new TableRow(new TableCell(P([R("Cell "), .. Field(" MERGEFIELD ContactCity ")]))));
        var textBox = new Run(new Picture(new Vml.Shape(new Vml.TextBox(new TextBoxContent(P(Field(" MERGEFIELD ContactEmail ")))))));
        var docx = Build([table, P(textBox)], header: [P(Field(" MERGEFIELD CompanyName "))], footer: [P(Field(" MERGEFIELD SalespersonName "))]);

        var merged = Merge(docx, (MergeValues.ContactCity, "Utrecht"), (MergeValues.ContactEmail, "ann@example.com"),
            (MergeValues.CompanyName, "Cronus"), (MergeValues.SalespersonName, "Bob"));

        Assert.Equal("Cell Utrecht¶ann@example.com", Body(merged));
        Assert.Equal("Cronus", Read(merged, d => Text(d.MainDocumentPart!.HeaderParts.Single().Header!)));
        Assert.Equal("Bob", Read(merged, d => Text(d.MainDocumentPart!.FooterParts.Single().Footer!)));
        Assert.False(HasFields(merged));
    }

    [Fact]
    public void A_field_in_a_drawing_text_box_is_merged_in_the_shape_and_in_its_fallback()
    {
        // Word writes a text box twice: as a DrawingML shape and, for older readers, as a VML one.
        const string field = """<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD </w:instrText></w:r><w:r><w:instrText>ContactCity</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>«ContactCity»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>""";
        var run = new Run($"""
            <w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
                 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"
                 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
              <mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0"
                relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
                <wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
                <wp:extent cx="2360930" cy="1404620"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="217" name="Text Box 2"/>
                <wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/>
                <wps:txbx><w:txbxContent>{field}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
              <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{field}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>
            </w:r>
            """);
        var docx = Build([P(R("Box: "), run)]);

        var letter = WordLetter.Open(docx, "letter.docx");
        var merged = letter.Merge(Values((MergeValues.ContactCity, "Utrecht")));

        Assert.Equal(["ContactCity"], letter.MergeFields);
        Assert.Equal(2, Read(merged, d => d.MainDocumentPart!.Document!.Descendants<Text>().Count(t => t.Text == "Utrecht")));
        Assert.False(HasFields(merged));
    }

    [Fact]
    public void A_simple_field_is_merged_with_the_formatting_of_its_result()
    {
        var docx = Build([P(R("Re: "), new SimpleField(new Run(new RunProperties(new Bold()), new Text("«Subject»"))) { Instruction = " MERGEFIELD  Subject " })]);

        var merged = Merge(docx, (MergeValues.Subject, "Your order"));

        Assert.Equal("Re: Your order", Body(merged));
        Assert.True(Read(merged, d => d.MainDocumentPart!.Document!.Descendants<Run>().Single(r => r.InnerText == "Your order").Descendants<Bold>().Any()));
        Assert.False(HasFields(merged));
    }

    [Fact]
    public void An_unknown_field_is_reported_and_merges_as_blank()
    {
        var docx = Build([P([R("["), .. Field(" MERGEFIELD Fax "), R("]"), .. Field(" MERGEFIELD contactname ")])]);

        var letter = WordLetter.Open(docx, "letter.docx");
        var merged = letter.Merge(Values((MergeValues.ContactName, "Ann")));

        Assert.Equal(["Fax", "ContactName"], letter.MergeFields);
        Assert.Equal(["Fax"], letter.UnknownMergeFields);
        Assert.Equal("[]Ann", Body(merged));
        Assert.False(HasFields(merged));
    }

    [Fact]
    public void Names_are_matched_whatever_their_case_and_reported_once_as_the_api_spells_them()
    {
        var docx = Build([P([.. Field(" MERGEFIELD CONTACTNAME "), .. Field(" MERGEFIELD \"ContactName\" "), new SimpleField { Instruction = "MERGEFIELD contactName" }])]);

        var letter = WordLetter.Open(docx, "letter.docx");

        Assert.Equal(["ContactName"], letter.MergeFields);
        Assert.Empty(letter.UnknownMergeFields);
        Assert.Equal("AnnAnnAnn", Body(letter.Merge(Values((MergeValues.ContactName, "Ann")))));
    }

    [Theory]
    [InlineData(" MERGEFIELD ContactName \\* Upper \\* MERGEFORMAT ", "ann de vries", "ANN DE VRIES")]
    [InlineData(" MERGEFIELD ContactName \\* Lower ", "Ann DE Vries", "ann de vries")]
    [InlineData(" MERGEFIELD ContactName \\* FirstCap ", "ann de vries", "Ann de vries")]
    [InlineData(" MERGEFIELD ContactName \\* Caps ", "ann de vries", "Ann De Vries")]
    [InlineData(" MERGEFIELD ContactName \\b \"Dear \" \\f \",\" ", "Ann", "Dear Ann,")]
    [InlineData(" MERGEFIELD ContactName \\b \"Dear \" \\f \",\" ", "", "")]
    [InlineData(" MERGEFIELD ContactName \\f \" \\\"quoted\\\"\" ", "Ann", "Ann \"quoted\"")]
    [InlineData(" MERGEFIELD  ContactName  \\*Upper ", "ann", "ANN")]
    public void Switches_shape_the_value(string code, string value, string shown)
    {
        var docx = Build([P(Field([code[..12], code[12..]], "«x»"))]);

        Assert.Equal(shown, Body(Merge(docx, (MergeValues.ContactName, value))));
    }

    [Fact]
    public void Line_breaks_in_an_address_become_word_line_breaks()
    {
        var docx = Build([P(Field(" MERGEFIELD ContactAddress "))]);

        var merged = Merge(docx, (MergeValues.ContactAddress, "Main Street 1\r\nBuilding B\nFloor 3"));

        Assert.Equal("Main Street 1\nBuilding B\nFloor 3", Body(merged));
        Assert.Equal(2, Read(merged, d => d.MainDocumentPart!.Document!.Descendants<Break>().Count()));
    }

    [Fact]
    public void A_document_that_names_words_namespace_otherwise_gets_line_breaks_in_its_own_prefix()
    {
        var docx = Build([P(Field(" MERGEFIELD ContactAddress "))]);
        using var package = new MemoryStream();
        package.Write(docx);
        using (var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true))
        {
            var part = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(part.Open()))
            {
                xml = reader.ReadToEnd();
            }
            part.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml.Replace("xmlns:w=", "xmlns:ns0=", StringComparison.Ordinal).Replace("<w:", "<ns0:", StringComparison.Ordinal)
                .Replace("</w:", "</ns0:", StringComparison.Ordinal).Replace(" w:", " ns0:", StringComparison.Ordinal));
        }

        var merged = Merge(package.ToArray(), (MergeValues.ContactAddress, "Main Street 1\nBuilding B"));

        Assert.Equal("Main Street 1\nBuilding B", Body(merged));
    }

    [Fact]
    public void A_merge_field_within_another_fields_code_becomes_code_text_and_the_outer_field_is_updated_by_word()
    {
        OpenXmlElement[] ifField =
        [
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" IF \"") { Space = SpaceProcessingModeValues.Preserve }),
            .. Field(" MERGEFIELD ContactCompanyName "),
            new Run(new FieldCode("\" = \"\" \"Private\" \"Business\" ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            R("Business"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
        ];
        var docx = Build([P(ifField)]);

        var merged = Merge(docx, (MergeValues.ContactCompanyName, "Acme & Co"));

        var (code, dirty) = Read(merged, d => (
            string.Concat(d.MainDocumentPart!.Document!.Descendants<FieldCode>().Select(c => c.Text)),
            d.MainDocumentPart.Document.Descendants<FieldChar>().First().Dirty?.Value));
        Assert.Equal(" IF \"Acme & Co\" = \"\" \"Private\" \"Business\" ", code);
        Assert.True(dirty);
        Assert.Equal(["ContactCompanyName"], WordLetter.Open(docx, "letter.docx").MergeFields);
    }

    [Fact]
    public void A_run_holding_a_whole_field_is_merged_too()
    {
        var run = new Run(new RunProperties(new Underline { Val = UnderlineValues.Single }),
            new FieldChar { FieldCharType = FieldCharValues.Begin }, new FieldCode(" MERGEFIELD EntryNo "),
            new FieldChar { FieldCharType = FieldCharValues.Separate }, new Text("«EntryNo»"), new FieldChar { FieldCharType = FieldCharValues.End });
        var docx = Build([P(R("No. "), run)]);

        var merged = Merge(docx, (MergeValues.EntryNo, "42"));

        Assert.Equal("No. 42", Body(merged));
        Assert.False(HasFields(merged));
    }

    [Fact]
    public void Other_fields_stay_as_they_are()
    {
        var docx = Build([P([R("Page "), .. Field(" PAGE "), R(" "), .. Field(" MERGEFIELD Date ")])]);

        var letter = WordLetter.Open(docx, "letter.docx");
        var merged = letter.Merge(Values((MergeValues.Date, "3 december 2026")));

        Assert.Equal(["Date"], letter.MergeFields);
        Assert.Equal(" PAGE ", Read(merged, d => d.MainDocumentPart!.Document!.Descendants<FieldCode>().Single().Text));
        Assert.Equal("Page «x» 3 december 2026", Body(merged));
    }

    [Fact]
    public void The_mail_merge_data_source_is_dropped_so_word_does_not_ask_for_it()
    {
        var docx = Build([P(Field(" MERGEFIELD ContactName "))], more: main =>
        {
            var settings = main.AddNewPart<DocumentFormat.OpenXml.Packaging.DocumentSettingsPart>();
            settings.Settings = new Settings(new MailMerge(new MainDocumentType { Val = MailMergeDocumentValues.FormLetter },
                new DataType { Val = MailMergeDataValues.Native }, new Query { Val = "SELECT * FROM contacts" }));
        });

        var merged = Merge(docx, (MergeValues.ContactName, "Ann"));

        Assert.Null(Read(merged, d => d.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<MailMerge>()));
    }

    [Fact]
    public void The_sample_letter_names_the_fields_it_uses_and_merges_into_plain_text()
    {
        var docx = SampleLetter.Build(new SampleLetterTexts("Dear", ["Thank you for your visit.", "We enclose our offer."], "Kind regards,"));

        var letter = WordLetter.Open(docx, "letter.docx");
        var merged = letter.Merge(Values((MergeValues.ContactName, "Ann Smith"), (MergeValues.ContactAddress, "Main Street 1"),
            (MergeValues.ContactPostCode, "1234 AB"), (MergeValues.ContactCity, "Utrecht"), (MergeValues.Date, "3 December 2026"),
            (MergeValues.Subject, "Our offer"), (MergeValues.SalespersonName, "Bob Jones"), (MergeValues.CompanyName, "Cronus"),
            (MergeValues.CompanyAddress, "5 The Ring"), (MergeValues.CompanyPostCode, "W2 8HG"), (MergeValues.CompanyCity, "London"),
            (MergeValues.SalespersonEmail, "bob@cronus.example")));

        Assert.Empty(letter.UnknownMergeFields);
        Assert.Equal(["ContactName", "ContactAddress", "ContactPostCode", "ContactCity", "Date", "Subject", "SalespersonName", "CompanyName",
            "CompanyAddress", "CompanyPostCode", "CompanyCity", "SalespersonEmail"], letter.MergeFields);
        Assert.Equal("Ann Smith¶Main Street 1¶1234 AB  Utrecht¶¶¶3 December 2026¶¶Our offer¶Dear Ann Smith,¶Thank you for your visit.¶"
            + "We enclose our offer.¶Kind regards,¶¶¶Bob Jones¶Cronus", Body(merged));
        Assert.Equal("Cronus¶5 The Ring¶W2 8HG London", Read(merged, d => Text(d.MainDocumentPart!.HeaderParts.Single().Header!)));
        Assert.False(HasFields(merged));
        Assert.Equal(merged, letter.Merge(Values((MergeValues.ContactName, "Ann Smith"), (MergeValues.ContactAddress, "Main Street 1"),
            (MergeValues.ContactPostCode, "1234 AB"), (MergeValues.ContactCity, "Utrecht"), (MergeValues.Date, "3 December 2026"),
            (MergeValues.Subject, "Our offer"), (MergeValues.SalespersonName, "Bob Jones"), (MergeValues.CompanyName, "Cronus"),
            (MergeValues.CompanyAddress, "5 The Ring"), (MergeValues.CompanyPostCode, "W2 8HG"), (MergeValues.CompanyCity, "London"),
            (MergeValues.SalespersonEmail, "bob@cronus.example"))));
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_unpacked()
    {
        var bomb = Zip(("[Content_Types].xml", new byte[100]), ("word/document.xml", new byte[50 * 1024 * 1024]));

        var refused = Assert.Throws<DomainException>(() => WordLetter.Open(bomb, "bomb.docx"));

        Assert.True(bomb.Length < 200 * 1024, "the bomb is small packed");
        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Contains("bomb.docx", refused.Errors["file"][0], StringComparison.Ordinal);
        Assert.Contains("word/document.xml", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_of_more_parts_than_a_letter_ever_has_is_refused()
    {
        var parts = Enumerable.Range(0, WordLetterLimits.MaxParts + 1).Select(i => ($"word/media/p{i}.xml", new byte[] { 1 })).ToArray();

        var refused = Assert.Throws<DomainException>(() => WordLetter.Open(Zip(parts), "many.docx"));

        Assert.Contains("1", refused.Errors["file"][0], StringComparison.Ordinal);
        Assert.Contains("many.docx", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("PK\u0003\u0004 broken")]
    public void A_file_that_is_not_a_zip_is_refused_as_not_readable(string content)
    {
        var refused = Assert.Throws<DomainException>(() => WordLetter.Open(System.Text.Encoding.ASCII.GetBytes(content), "x.docx"));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.True(refused.Errors.ContainsKey("file"));
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused_as_not_readable()
    {
        var zip = Zip(("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"u8.ToArray()));

        Assert.Throws<DomainException>(() => WordLetter.Open(zip, "x.docx"));
    }

    [Fact]
    public async Task A_cached_letter_is_parsed_once_per_content_and_a_refused_one_is_not_kept()
    {
        using var cache = new WordLetterCache();
        var docx = Build([P(Field(" MERGEFIELD ContactName "))]);
        var reads = 0;
        Task<byte[]> Read(CancellationToken _)
        {
            reads++;
            return Task.FromResult(docx);
        }

        var first = await cache.GetAsync("hash-1", "letter.docx", Read);
        var second = await cache.GetAsync("hash-1", "letter.docx", Read);
        await Assert.ThrowsAsync<DomainException>(() => cache.GetAsync("hash-2", "bad.docx", _ => Task.FromResult(new byte[] { 1, 2 })));
        await Assert.ThrowsAsync<DomainException>(() => cache.GetAsync("hash-2", "bad.docx", _ => Task.FromResult(new byte[] { 1, 2 })));

        Assert.Same(first, second);
        Assert.Equal(1, reads);
        Assert.True(first.HeldBytes > 0);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }
        return stream.ToArray();
    }
}
