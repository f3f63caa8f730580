namespace Touchpoint.Core.Common;

/// <summary>BC enum 5076 "Correspondence Type" (Fax is obsolete and left out).</summary>
public enum CorrespondenceType
{
    None = 0,
    HardCopy = 1,
    Email = 2,
}

/// <summary>BC option "Information Flow".</summary>
public enum InformationFlow
{
    None = 0,
    Outbound = 1,
    Inbound = 2,
}

/// <summary>BC option "Initiated By".</summary>
public enum InitiatedBy
{
    None = 0,
    Us = 1,
    Them = 2,
}

/// <summary>BC enum 5082 "Interaction Template Wizard Action".</summary>
public enum WizardAction
{
    None = 0,
    Open = 1,
    Import = 2,
    Merge = 3,
}
