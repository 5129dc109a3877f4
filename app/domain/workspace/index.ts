// The workspace document schema: what lives in a workspace's Y.Doc and how to read and write it safely.
export * from "./actions";
export * from "./document";
export * from "./schema";
export * from "./session";
export * from "./board";
export * from "./voting";
export * from "./owner";
export * from "./writableSurface";
export * from "./selfAssessment";
export * from "./ranking";
export * from "./ideas";
