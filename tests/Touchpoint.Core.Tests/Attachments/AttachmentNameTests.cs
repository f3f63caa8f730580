using Touchpoint.Core.Attachments;

namespace Touchpoint.Core.Tests.Attachments;

public sealed class AttachmentNameTests
{
    [Theory]
    [InlineData("letter.docx", "letter.docx")]
    [InlineData("C:\\Users\\ann\\letter.docx", "letter.docx")]
    [InlineData("..\\..\\evil.docx", "evil.docx")]
    [InlineData("../../etc/letter.docx", "letter.docx")]
    [InlineData("let\u0007ter\r\n.docx", "letter.docx")]
    [InlineData("photo\u202Egpj.exe", "photogpj.exe")]
    [InlineData("  spaced name.pdf  ", "spaced name.pdf")]
    [InlineData(null, "")]
    public void An_uploaded_name_keeps_the_file_name_only_without_control_or_formatting_characters(string? sent, string stored) =>
        Assert.Equal(stored, AttachmentStore.SafeFileName(sent));
}
