/*
 * The edit lock's browser side, one per editor (the "host" element):
 * - renews the lock through host.$server.renewLock(idleMs) every renew interval, but only when the
 *   clerk typed, clicked or moved in the editor (or in one of its overlays: a date picker, a
 *   dialog) within the idle timeout, telling the server how long ago that was (the server keeps
 *   its own idle and rate limits, whatever it is sent);
 * - counts the lease down in every [data-lock-countdown] element, from the remaining time the
 *   server sends (the browser's own clock may be wrong), without a round trip per second; not
 *   while the database does not answer ("unconfirmed"): no countdown may run out as if the lock
 *   were held, and renewals go on as the server's attempts to confirm the hold;
 * - on pagehide (tab closed or reloaded) sends a beacon that releases the lock;
 * - asks before the page is left while the host is marked "unsaved", also after the lock is lost;
 * - after Keep editing on the expiry warning, puts the focus back in the field the clerk last typed in;
 * - stops by itself once the host has left the page.
 * A static resource: the app has no npm frontend bundle.
 */
(function () {
    const ACTIVITY = ['keydown', 'input', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'focusin'];

    /** od-countdown.js (loaded with every view) holds the one countdown format. */
    function countdown(ms) {
        return window.orderdesk.countdown.format(ms);
    }

    /** Vaadin renders pickers and dialogs in overlays outside the editor's element. */
    function isInEditor(host, event) {
        return event.composedPath().some(
            (node) => node === host || (typeof node.localName === 'string' && node.localName.endsWith('-overlay'))
        );
    }

    function stopRenewing(state) {
        clearInterval(state.renewer);
        window.removeEventListener('pagehide', state.onPageHide);
    }

    function stop(host) {
        const state = host.__lockHeartbeat;
        if (!state) {
            return;
        }
        stopRenewing(state);
        clearInterval(state.ticker);
        ACTIVITY.forEach((type) => document.removeEventListener(type, state.onActivity, true));
        window.removeEventListener('beforeunload', state.onBeforeUnload);
        delete host.__lockHeartbeat;
    }

    function start(host, renewIntervalMs, idleTimeoutMs, remainingMs, releaseUrl, releaseBody) {
        stop(host);
        const state = {
            // performance.now(): idle times stay right when the computer's clock is set.
            lastActivity: performance.now(),
            deadline: performance.now() + remainingMs,
            lost: false,
            onActivity: (event) => {
                if (isInEditor(host, event)) {
                    state.lastActivity = performance.now();
                    if (event.type === 'input' && event.target.matches('input, textarea')) {
                        state.lastField = event.target;
                    }
                }
            },
            onPageHide: () => {
                navigator.sendBeacon(releaseUrl, new URLSearchParams(releaseBody));
                stopRenewing(state);
            },
            onBeforeUnload: (event) => {
                if (host.isConnected && host.hasAttribute('unsaved')) {
                    event.preventDefault();
                    event.returnValue = '';
                }
            },
            renew: () => {
                if (!host.isConnected) {
                    stop(host);
                } else {
                    const idleMs = performance.now() - state.lastActivity;
                    if (idleMs <= idleTimeoutMs) {
                        host.$server.renewLock(idleMs);
                    }
                }
            },
            renewIntervalMs,
            tick: () => {
                if (!host.isConnected) {
                    stop(host);
                } else if (!state.lost && !state.unconfirmed) {
                    const text = countdown(state.deadline - performance.now());
                    document.querySelectorAll('[data-lock-countdown]').forEach((element) => {
                        element.textContent = text;
                    });
                }
            },
        };
        ACTIVITY.forEach((type) => document.addEventListener(type, state.onActivity, { capture: true, passive: true }));
        window.addEventListener('pagehide', state.onPageHide);
        window.addEventListener('beforeunload', state.onBeforeUnload);
        state.ticker = setInterval(state.tick, 250);
        state.renewer = setInterval(state.renew, renewIntervalMs);
        host.__lockHeartbeat = state;
        state.tick();
    }

    /** The lock is gone: nothing to renew, count down or release, but unsaved changes still ask. */
    function lost(host) {
        const state = host.__lockHeartbeat;
        if (state) {
            state.lost = true;
            stopRenewing(state);
        }
    }

    /**
     * The database does not answer: the server cannot confirm the lock, so the countdown stops (the
     * server shows the status without one). Renewals go on: each asks the server to confirm the
     * hold once the database is back. A confirmed hold starts the heartbeat afresh.
     */
    function unconfirmed(host) {
        const state = host.__lockHeartbeat;
        if (state) {
            state.unconfirmed = true;
        }
    }

    /**
     * Counts as activity: the clerk answered the expiry warning, which lies outside the editor.
     * The server has just renewed, so the next renewal is due a whole interval from now (the
     * server refuses one that comes less than half an interval after the last).
     */
    function markActive(host) {
        const state = host.__lockHeartbeat;
        if (state) {
            state.lastActivity = performance.now();
            // Keep editing was clicked or pressed on the warning, whose card now closes: back to the
            // field the clerk last typed in. (By Alt+K from inside the form, the focus never left it.)
            const field = state.lastField;
            if (field && field.isConnected && host.contains(field) && !host.contains(document.activeElement)) {
                field.focus();
            }
            if (!state.lost) {
                clearInterval(state.renewer);
                state.renewer = setInterval(state.renew, state.renewIntervalMs);
            }
        }
    }

    function rebase(host, remainingMs) {
        const state = host.__lockHeartbeat;
        if (state) {
            state.deadline = performance.now() + remainingMs;
            state.tick();
        }
    }

    window.orderdesk = window.orderdesk || {};
    window.orderdesk.lockHeartbeat = { start, rebase, markActive, lost, unconfirmed, stop };
})();
