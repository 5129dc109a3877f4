// Recording a person's answers during a review, on a laptop or tablet that may have no signal
// (docs/decisions/022). With JavaScript, "Save these answers" keeps them on the device and sends them
// when there is a connection; the queue is always on screen and announced. A service worker scoped to
// /assist/ (public/assist-sw.js) keeps this page so it opens offline too. Without JavaScript the same
// form posts straight to the server.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { dropRefused, enqueue, readQueue, sendQueue, type QueuedAnswer, type SendOutcome } from "~/components/assist/assistQueue";
import { AboutYou } from "~/components/survey/AboutYou";
import { QuestionFieldset } from "~/components/survey/QuestionFieldset";
import { answerChoices, collectionState, questionWording } from "~/domain/collect";
import { findCollection } from "~/models/collection.server";
import { notFound, requireCouncil } from "~/services/auth.server";
import { assistQuestions, recordAssisted } from "~/services/collect/assisted.server";
import surveyStyles from "~/styles/survey.css";
import { readForm } from "~/services/readForm.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

async function requireAssist(request: Request, params: { org?: string; collection?: string }) {
  const access = await requireCouncil(request, params.org, "manage:collection");
  const collection = await findCollection(access.org.id, params.collection ?? "");
  if (!collection) notFound("We could not find that collection.");
  return { ...access, collection: { ...collection, orgId: access.org.id } };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, collection } = await requireAssist(request, params);
  return {
    org: { slug: org.slug, name: org.name },
    collection: { id: collection.id, name: collection.name, survey: collection.survey, open: collectionState(collection, new Date()) === "open" },
    questions: (await assistQuestions(collection)).map((q) => ({ code: q.code, text: questionWording(q, "standard"), choices: answerChoices(q, "standard") })),
    // Only the form without JavaScript uses this; with JavaScript every saved answer gets its own key on the device.
    formKey: randomUUID(),
    sent: new URL(request.url).searchParams.get("sent") === "1",
  };
}

/** The form posted without JavaScript: stored straight away, under the key the page was served with. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { collection, user } = await requireAssist(request, params);
  const formData = await readForm(request);
  const key = String(formData.get("key") ?? "");
  const fields = [...formData.entries()].filter(([name, value]) => name !== "key" && typeof value === "string").map(([name, value]) => [name, value as string] as const);
  const result = await recordAssisted(collection, key, fields, user, context.clientIp);
  if (result.status === "sent" || result.status === "already-sent") return redirect(`/assist/${params.org}/${collection.id}?sent=1`);
  return json({ problem: result.message }, { status: result.status === "closed" ? 409 : 400 });
}

/**
 * The registration's worker once it is active. (Not navigator.serviceWorker.ready: that waits for a
 * worker whose scope covers the address this document was first loaded at, which after an in-app link
 * from a council page is not under /assist/.)
 */
function activated(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  return new Promise((resolve) => {
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return registration.active ? resolve(registration.active) : undefined;
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve(worker);
    });
  });
}

type DeviceState = { waiting: number; refused: string[]; online: boolean; outcome: SendOutcome | null; sentHere: number };

export default function AssistedReview() {
  const data = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const collectionId = data.collection.id;
  const sendUrl = `/assist/${data.org.slug}/${collectionId}/send`;
  const [device, setDevice] = useState<DeviceState | null>(null);
  const [offlineReady, setOfflineReady] = useState<"checking" | "ready" | "unavailable">("checking");
  const [saved, setSaved] = useState(0);
  const sending = useRef(false);
  const sentHere = useRef(0);
  const formRef = useRef<HTMLFormElement>(null);

  const refresh = useCallback((outcome: SendOutcome | null = null) => {
    const queue: QueuedAnswer[] = readQueue(collectionId);
    setDevice((previous) => ({
      waiting: queue.filter((q) => !q.refused).length,
      refused: queue.flatMap((q) => (q.refused ? [q.refused] : [])),
      online: navigator.onLine,
      outcome: outcome ?? previous?.outcome ?? null,
      sentHere: sentHere.current,
    }));
  }, [collectionId]);

  const trySend = useCallback(async () => {
    if (sending.current) return;
    if (readQueue(collectionId).every((q) => q.refused)) return refresh();
    sending.current = true;
    try {
      const before = readQueue(collectionId).length;
      const outcome = await sendQueue(collectionId, sendUrl, () => refresh());
      sentHere.current += Math.max(0, before - readQueue(collectionId).length);
      refresh(outcome);
    } finally {
      sending.current = false;
    }
  }, [collectionId, sendUrl, refresh]);

  useEffect(() => {
    refresh();
    void trySend();
    const onOnline = () => {
      refresh();
      void trySend();
    };
    const onOffline = () => refresh();
    // Another tab on this device recorded or sent answers.
    const onStorage = (event: StorageEvent) => {
      if (event.key === `poet-assist-queue:${collectionId}`) refresh();
    };
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    window.addEventListener("storage", onStorage);
    // A connection can come back without an "online" event (a captive Wi-Fi page, a server restart): keep trying.
    const timer = window.setInterval(() => {
      if (readQueue(collectionId).some((q) => !q.refused)) void trySend();
    }, 15_000);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("storage", onStorage);
      window.clearInterval(timer);
    };
  }, [collectionId, refresh, trySend]);

  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("caches" in window)) {
      setOfflineReady("unavailable");
      return;
    }
    let cancelled = false;
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type === "kept" && !cancelled) setOfflineReady("ready");
    };
    navigator.serviceWorker.addEventListener("message", onMessage);
    (async () => {
      const registration = await navigator.serviceWorker.register("/assist-sw.js", { scope: "/assist/" });
      const worker = registration.active ?? (await activated(registration));
      // This page and every script and style it loaded, so it opens again with no connection.
      const urls = [
        window.location.pathname,
        ...performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter((name) => new URL(name).pathname.startsWith("/build/")),
        ...Array.from(document.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet], link[rel=modulepreload]"), (link) => link.href),
      ];
      worker?.postMessage({ type: "keep", urls: [...new Set(urls)] });
    })().catch(() => {
      if (!cancelled) setOfflineReady("unavailable");
    });
    return () => {
      cancelled = true;
      navigator.serviceWorker.removeEventListener("message", onMessage);
    };
  }, []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = [...new FormData(form).entries()].filter(([name, value]) => name !== "key" && typeof value === "string").map(([name, value]) => [name, value as string] as [string, string]);
    enqueue(collectionId, fields);
    form.reset();
    setSaved((n) => n + 1);
    refresh();
    void trySend();
    document.getElementById("assist-status")?.focus();
  };

  const waitingText = device === null ? "" : device.waiting === 0 ? "No answers waiting to send." : `${device.waiting} answer${device.waiting === 1 ? "" : "s"} waiting to send.`;
  const connectionText =
    device === null || device.waiting === 0
      ? ""
      : !device.online || device.outcome === "offline"
        ? "No connection: they are kept on this device and sent when the connection is back, even if you close this page."
        : device.outcome === "signed-out"
          ? "You are signed out, so they cannot be sent yet. Sign in again on this device; they stay here until then."
          : "Sending…";

  return (
    <div className="survey">
      <p>
        <Link to={`/orgs/${data.org.slug}/collections/${collectionId}`}>Back to {data.collection.name}</Link>
      </p>
      <h1>Record answers in a review</h1>
      <p className="lead">
        {data.org.name} · {data.collection.name}. Go through the questions with the person and save their answers. No name is needed.
      </p>
      <div className="notice notice--info" id="assist-status" tabIndex={-1}>
        <div role="status" aria-live="polite" aria-atomic="true">
          <p>
            <strong>{waitingText}</strong> {connectionText}
            {saved > 0 ? ` Answers saved on this device: ${saved}.` : ""}
            {device && device.sentHere > 0 ? ` Sent from this page: ${device.sentHere}.` : ""}
          </p>
        </div>
        {device?.outcome === "signed-out" && device.waiting > 0 ? (
          <p>
            <a href={`/login?redirectTo=${encodeURIComponent(`/assist/${data.org.slug}/${collectionId}`)}`}>Sign in again</a> (the answers stay on this device)
          </p>
        ) : null}
        <p>
          {offlineReady === "ready"
            ? "Ready to work offline: this page will open on this device even with no connection."
            : offlineReady === "unavailable"
              ? "This browser cannot keep this page for offline use. Answers you save are still kept on this device until sent."
              : device
                ? "Getting this page ready to work offline…"
                : ""}
        </p>
        <noscript>
          <p>JavaScript is off, so answers are sent as soon as you save them and this page cannot work offline.</p>
        </noscript>
      </div>
      {device && device.refused.length > 0 ? (
        <div className="error-summary" role="alert">
          <h2>{device.refused.length === 1 ? "1 answer could not be stored" : `${device.refused.length} answers could not be stored`}</h2>
          <ul>
            {[...new Set(device.refused)].map((why) => (
              <li key={why}>{why}</li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              dropRefused(collectionId);
              refresh();
            }}
          >
            Remove them from this device
          </button>
        </div>
      ) : null}
      {data.sent ? (
        <div className="notice notice--success" role="status">
          <p>Answers sent. The form is clear for the next person.</p>
        </div>
      ) : null}
      {posted?.problem ? (
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
          <p>{posted.problem}</p>
        </div>
      ) : null}
      {data.collection.open ? (
        <Form method="post" className="survey-form" ref={formRef} onSubmit={onSubmit}>
          <input type="hidden" name="key" value={data.formKey} />
          {data.questions.map((q, i) => (
            <QuestionFieldset key={q.code} question={q} easy={false} current={undefined} heading="h2" number={`Question ${i + 1} of ${data.questions.length}`} />
          ))}
          <h2>About the person (optional)</h2>
          <AboutYou survey={data.collection.survey} wording="standard" about={{}} headingLevel="h3" />
          <button type="submit" className="button survey-button">
            Save these answers
          </button>
        </Form>
      ) : (
        <p>This collection is not taking answers now, so there is nothing to record. Answers already saved on this device are shown above.</p>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Record answers in a review – ${data?.collection.name ?? "Collection"} – POET Action Planner` }];
