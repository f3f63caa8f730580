// Cards keep the user's work: BC's shortcuts on a card and a warning before edits are lost.
//   Ctrl+S  saves the card (its button marked data-shortcut="save")
//   Alt+N   new record (the page's button marked data-shortcut="new")
//   Esc     back to the list (the card's button marked data-shortcut="back"), unless a dialog or drop-down is open
// The server tells whether the card has unsaved changes (UnsavedChangesGuard); what is typed and not yet sent to the
// server (a field still being edited) counts too, so that closing the tab or reloading asks first.
(() => {
    let unsaved = false;
    let typedSinceServer = false;

    window.touchpointUnsaved = value => {
        unsaved = value;
        typedSinceServer = false;
    };

    document.addEventListener("input", event => {
        if (event.target instanceof HTMLElement && event.target.closest("form[data-guarded]")) {
            typedSinceServer = true;
        }
    }, true);

    window.addEventListener("beforeunload", event => {
        if (document.querySelector("form[data-guarded]") && (unsaved || typedSinceServer)) {
            event.preventDefault();
            event.returnValue = "";
        }
    });

    const press = selector => {
        const button = document.querySelector(selector);
        if (!button || button.disabled || button.getAttribute("aria-disabled") === "true") {
            return false;
        }
        // A field being edited sends its value on leaving it; leave it first so that the save takes what was typed.
        if (document.activeElement instanceof HTMLElement && document.activeElement !== button) {
            document.activeElement.blur();
        }
        button.click();
        return true;
    };

    const somethingOpen = () => document.querySelector(".mud-dialog-container, .mud-popover-open") !== null;

    document.addEventListener("keydown", event => {
        if (event.defaultPrevented || event.isComposing) {
            return;
        }
        const key = event.key.toLowerCase();
        if ((event.ctrlKey || event.metaKey) && !event.altKey && key === "s") {
            // Never the browser's "save page", on a card or not.
            event.preventDefault();
            if (!somethingOpen()) {
                press("[data-shortcut='save']");
            }
        } else if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyN") {
            if (!somethingOpen() && press("[data-shortcut='new']")) {
                event.preventDefault();
            }
        } else if (key === "escape" && !event.ctrlKey && !event.altKey && !event.metaKey) {
            if (!somethingOpen() && press("[data-shortcut='back']")) {
                event.preventDefault();
            }
        }
    });
})();
