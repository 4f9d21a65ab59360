// The console's reconnect dialog (Components/Shell/ReconnectModal.razor). The framework reports the
// circuit's state on the element with id components-reconnect-modal; we show the matching paragraph
// and button (CSS keys on data-state) and run the action the reader picks.
const dialog = document.getElementById("components-reconnect-modal");

if (dialog) {
    dialog.addEventListener("components-reconnect-state-changed", event => {
        const state = event.detail.state;
        if (state === "hide") {
            dialog.close();
            return;
        }
        if (state === "rejected") {
            // The server no longer knows this circuit (restarted, or the session ended): start afresh.
            location.reload();
            return;
        }
        dialog.dataset.state = state === "show" ? "retrying" : state;
        if (!dialog.open) dialog.showModal();
    });

    dialog.addEventListener("click", async event => {
        const action = event.target.closest("[data-action]")?.dataset.action;
        if (action === "retry") await retry();
        else if (action === "resume") await resume();
        else if (action === "reload") location.reload();
    });

    // A tab that failed while hidden tries again as soon as someone looks at it.
    document.addEventListener("visibilitychange", async () => {
        if (document.visibilityState === "visible" && dialog.dataset.state === "failed") await retry();
    });
}

async function retry() {
    dialog.dataset.state = "retrying";
    try {
        if (await Blazor.reconnect()) return;
        // Reached the server but the circuit is gone: resume it from its persisted state, else reload.
        if (!(await Blazor.resumeCircuit())) location.reload();
    } catch {
        dialog.dataset.state = "failed";
    }
}

async function resume() {
    try {
        if (!(await Blazor.resumeCircuit())) dialog.dataset.state = "resume-failed";
    } catch {
        dialog.dataset.state = "resume-failed";
    }
}
