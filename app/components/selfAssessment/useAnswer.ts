// Announces the server's answer to a self-assessment post once, as it arrives.
import type { FetcherWithComponents } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { AssessmentAnswer } from "./types";

export function useAnswer(fetcher: FetcherWithComponents<AssessmentAnswer>, announce: (message: string) => void, onSuccess?: (answer: AssessmentAnswer) => void): AssessmentAnswer | null {
  const seen = useRef<unknown>(null);
  useEffect(() => {
    const answer = fetcher.data;
    if (fetcher.state !== "idle" || !answer || seen.current === answer) return;
    seen.current = answer;
    announce(answer.message);
    if (answer.ok) onSuccess?.(answer);
  }, [fetcher.state, fetcher.data, announce, onSuccess]);
  return fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data : null;
}
