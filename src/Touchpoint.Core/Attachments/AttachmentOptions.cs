using Microsoft.Extensions.Options;

namespace Touchpoint.Core.Attachments;

/// <summary>Configuration section <c>Touchpoint:Attachments</c>: how large an uploaded attachment may be.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Touchpoint:Attachments";

    /// <summary>
    /// The bound. An attachment is held in memory whole while it is stored or served, and both databases keep a value
    /// of at most 1 GB, so the setting stops well below that.
    /// </summary>
    public const int MaxSizeMbLimit = 512;

    /// <summary><c>Touchpoint:Attachments:MaxSizeMb</c>, in megabytes (MiB).</summary>
    public int MaxSizeMb { get; set; } = 20;

    public long MaxSizeBytes => MaxSizeMb * 1024L * 1024L;
}

/// <summary>Refuses a size that no attachment could be stored under, naming the key.</summary>
public sealed class AttachmentOptionsValidator : IValidateOptions<AttachmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AttachmentOptions options) =>
        options.MaxSizeMb is < 1 or > AttachmentOptions.MaxSizeMbLimit
            ? ValidateOptionsResult.Fail(
                $"{AttachmentOptions.Section}:{nameof(AttachmentOptions.MaxSizeMb)} is {options.MaxSizeMb}; it must be a whole number of megabytes from 1 to {AttachmentOptions.MaxSizeMbLimit}.")
            : ValidateOptionsResult.Success;
}
