import type { Finding } from "~/domain/poet";

/** A finding as the pages show it: with the question's wording, plain and easy read. */
export type FindingView = Finding & { questionText: string; easyQuestion: string };
