// Settings the app layer needs from the process configuration, set once at start-up by the server
// (and by tests). Kept in a global slot because the Remix build and the server load this module separately.
export type AppSettings = {
  sessionSecret: string;
  secureCookies: boolean;
  /** Origins besides the page's own that may post forms and open sockets. */
  allowedOrigins: string[];
  /** Outgoing email, when configured (SMTP_URL). */
  smtp?: { url: string; from: string } | null;
};

const slot = Symbol.for("poet-action-planner.app-settings");
type GlobalWithSettings = typeof globalThis & { [slot]?: AppSettings };

export function configureApp(settings: AppSettings): void {
  (globalThis as GlobalWithSettings)[slot] = settings;
}

/** The settings configureApp stored; throws if start-up never configured them. */
export function appSettings(): AppSettings {
  const settings = (globalThis as GlobalWithSettings)[slot];
  if (!settings) throw new Error("App settings are not configured (configureApp was not called at start-up).");
  return settings;
}
