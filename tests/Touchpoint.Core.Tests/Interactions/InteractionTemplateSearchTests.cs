using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Tests.Interactions;

public sealed class InteractionTemplateSearchTests
{
    private static readonly InteractionTemplateDto[] Templates =
    [
        T("ABSTRACT", "LETTER", "Abstract of Meeting"),
        T("BUS", "LETTER", "Business Letter"),
        T("INCOME", "PHONE", "Incoming phone call"),
        T("OUTGOING", "PHONE", "Outgoing phone call"),
        T("INHOUSE", "MEETING", "Meeting at our place"),
        T("ONSITE", "MEETING", "Meeting at the contact's"),
        T("COVERSH", "SYSTEM", "Cover sheet"),
    ];

    [Theory]
    [InlineData("outgo", "OUTGOING")]
    [InlineData("INC", "INCOME")]
    [InlineData("inc", "INCOME")]
    [InlineData("bus", "BUS")]
    [InlineData("meeting", "INHOUSE")]
    [InlineData("contact", "ONSITE")]
    [InlineData("sheet", "COVERSH")]
    [InlineData("call", "INCOME")]
    public void The_first_template_offered_is_the_best_match(string typed, string first) =>
        Assert.Equal(first, InteractionTemplateSearch.Find(Templates, typed)[0].Code);

    [Fact]
    public void Nothing_typed_offers_every_template_grouped_by_interaction_group()
    {
        var codes = InteractionTemplateSearch.Find(Templates, "  ").Select(t => t.Code);
        Assert.Equal(["ABSTRACT", "BUS", "INHOUSE", "ONSITE", "INCOME", "OUTGOING", "COVERSH"], codes);
    }

    [Fact]
    public void Templates_of_one_group_stay_together_after_the_best_match()
    {
        // "meeting": both MEETING templates start their description with it; ABSTRACT has it as a later word.
        var codes = InteractionTemplateSearch.Find(Templates, "meeting").Select(t => t.Code);
        Assert.Equal(["INHOUSE", "ONSITE", "ABSTRACT"], codes);
    }

    [Fact]
    public void A_text_no_template_contains_offers_nothing() =>
        Assert.Empty(InteractionTemplateSearch.Find(Templates, "zzz"));

    private static InteractionTemplateDto T(string code, string group, string description) =>
        new(code, group, description, 0, 0, InformationFlow.Outbound, InitiatedBy.Us, CorrespondenceType.None, WizardAction.None,
            false, null, null, false, false, false);
}
