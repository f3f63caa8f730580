using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Demo;
using static Touchpoint.Core.Tests.Delivery.Letters;

namespace Touchpoint.Core.Tests.Demo;

public sealed class SampleLetterTests
{
    [Fact]
    public void A_field_name_in_braces_in_the_text_is_a_merge_field_and_the_salutation_ends_as_the_language_wants()
    {
        var docx = SampleLetter.Build(new SampleLetterTexts("Здравствуйте,",
            ["Благодарю вас за интерес к компании {CompanyName}.", "Пишите мне: {SalespersonEmail}"], "С уважением,", "ru-RU", "!"));

        var letter = WordLetter.Open(docx, "letter.docx");
        var merged = letter.Merge(Values((MergeValues.ContactName, "Анна Петрова"), (MergeValues.CompanyName, "Cronus"),
            (MergeValues.SalespersonEmail, "bob@cronus.example")));

        Assert.Empty(letter.UnknownMergeFields);
        Assert.Contains(MergeValues.CompanyName, letter.MergeFields);
        var body = Read(merged, d => Text(d.MainDocumentPart!.Document!.Body!));
        Assert.Contains("¶Здравствуйте, Анна Петрова!¶Благодарю вас за интерес к компании Cronus.¶Пишите мне: bob@cronus.example¶С уважением,¶",
            body, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_demo_letter_is_a_valid_Word_document_with_its_header_footer_and_language()
    {
        foreach (var demo in DemoLetters.All)
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(demo.Build()), false);

            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}");
            Assert.Empty(errors);
            var main = document.MainDocumentPart!;
            Assert.Contains("«CompanyName»", main.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
            Assert.Contains("«SalespersonEmail»", main.FooterParts.Single().Footer!.InnerText, StringComparison.Ordinal);
            Assert.Equal(demo.Texts.Language, main.StyleDefinitionsPart!.Styles!.Descendants<Languages>().Single().Val!.Value);
            Assert.Contains(demo.Texts.Closing, main.Document!.Body!.InnerText, StringComparison.Ordinal);
        }
    }
}
