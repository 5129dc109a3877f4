// Registers the offline shell (public/sw.js, ADR 020): a reload without network shows this board from the
// copy kept on this device, and the live document from IndexedDB on top of it.
import { useEffect } from "react";

export function OfflineShell() {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
    let cancelled = false;
    void (async () => {
      try {
        await navigator.serviceWorker.register("/sw.js", { scope: "/" });
        const ready = await navigator.serviceWorker.ready;
        if (cancelled) return;
        // This page and its files loaded before the worker was in control: name them so they are kept.
        const urls = performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter((name) => new URL(name).pathname.startsWith("/build/"));
        ready.active?.postMessage({ type: "keep-shell", page: location.pathname, urls });
      } catch {
        // No offline copy (say, storage is off): the board works as before while online.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}
