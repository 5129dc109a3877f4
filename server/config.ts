// The one place that reads process.env: every setting, validated once at start-up.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

export type DatabaseProvider = "sqlite" | "postgresql";

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  databaseProvider: DatabaseProvider;
  redisUrl: string | null;
  sessionSecret: string;
  /** Origins allowed to open collaboration sockets and post forms; empty = same origin only. */
  allowedOrigins: string[];
  /**
   * Which peers may tell us the client's address (X-Forwarded-For) and protocol: false = nobody (the
   * socket's own address counts), a hop count, or the proxies' addresses/subnets. Handed to Express as is.
   */
  trustProxy: TrustProxy;
  seedDemo: boolean;
  /** Outgoing email (password reset and invitation links); null = people hand links over themselves. */
  smtp: { url: string; from: string } | null;
  /** Where people reach the app; links in emails start with it. */
  publicUrl: string;
  /** The weekly email digest (runs only when smtp is set too). */
  reminders: {
    enabled: boolean;
    /** Day of the week in England, 1 = Monday … 7 = Sunday, and the hour (0–23) from which the week's digest goes out. */
    day: number;
    hour: number;
    checkEveryMs: number;
    /** Tests only: the moment the reminder timer believes it is (an injected clock); null = the real time. */
    fakeNow: Date | null;
  };
  /** Live-collaboration tuning (defaults suit a council; tests and benchmarks shorten them). */
  collab: {
    unloadGraceMs: number;
    compactionThreshold: number;
    maxFrameBytes: number;
    messagesPerSecond: number;
    maxSocketsPerDocument: number;
    maxSocketsPerUser: number;
    breachCooldownMs: number;
    maxBreachCooldownMs: number;
    redisChannelPrefix: string;
  };
  /** Respondents of collected rounds kept counted in this process for the live round page (docs/decisions/030). */
  roundPeopleKept: number;
  /** Set by `remix dev` (npm run dev): the app re-imports its build and tells the dev server. */
  remixDevOrigin: string | null;
};

export type TrustProxy = boolean | number | string[];

export class ConfigError extends Error {}

const origin = z
  .string()
  .url()
  .refine((value) => URL.canParse(value) && new URL(value).origin === value.replace(/\/$/, ""), "must be an origin like https://plans.example.gov.uk (no path)")
  .transform((value) => value.replace(/\/$/, ""));

// Express's names for address ranges, usable in TRUST_PROXY alongside addresses and subnets.
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split("/");
  if (rest.length > 0 || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const trustProxy = z
  .string()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const v = (raw ?? "false").trim();
    if (v === "false" || v === "") return false;
    if (v === "true") return true;
    if (/^\d+$/.test(v)) {
      const hops = Number(v);
      if (hops >= 1 && hops <= 10) return hops;
      ctx.addIssue({ code: "custom", message: "must be a hop count from 1 to 10 (or false, true, or proxy addresses)" });
      return z.NEVER;
    }
    const entries = v.split(",").map((s) => s.trim()).filter(Boolean);
    const bad = entries.find((entry) => !isProxyAddress(entry));
    if (bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `"${bad}" is not a proxy address; use false, true, a hop count, or comma-separated addresses or subnets like 10.0.0.5,10.1.0.0/16 (or loopback)`,
      });
      return z.NEVER;
    }
    return entries;
  });

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z
    .string()
    .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .optional(),
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\//.test(v), "must start with redis:// or rediss://")
    .optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -hex 32)").optional(),
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const list = (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      const parsed: string[] = [];
      for (const item of list) {
        const result = origin.safeParse(item);
        if (!result.success) {
          ctx.addIssue({ code: "custom", message: `"${item}" ${result.error.issues[0]?.message ?? "is not an origin"}; use a comma-separated list of origins` });
          return z.NEVER;
        }
        parsed.push(result.data);
      }
      return parsed;
    }),
  TRUST_PROXY: trustProxy,
  REMIX_DEV_ORIGIN: z.string().url().optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v) && URL.canParse(v), "must be a URL like smtp://user:password@mail.example.gov.uk:587 (or smtps:// for TLS)")
    .optional(),
  SMTP_FROM: z.string().min(3).max(200).default("POET Action Planner <no-reply@localhost>"),
  PUBLIC_URL: origin.optional(),
  REMINDERS_ENABLED: z.enum(["true", "false"], { message: "must be true or false" }).default("true"),
  REMINDERS_DAY: z
    .string()
    .default("monday")
    .transform((v, ctx) => {
      const day = WEEKDAYS.indexOf(v.trim().toLowerCase()) + 1;
      if (day > 0) return day;
      ctx.addIssue({ code: "custom", message: `must be a day of the week like monday (got "${v}")` });
      return z.NEVER;
    }),
  REMINDERS_HOUR: z.coerce.number({ invalid_type_error: "must be an hour from 0 to 23" }).int("must be a whole hour from 0 to 23").min(0, "must be an hour from 0 to 23").max(23, "must be an hour from 0 to 23").default(8),
  REMINDERS_CHECK_MS: z.coerce.number().int().min(50).max(86_400_000).default(300_000),
  REMINDERS_FAKE_NOW: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), "must be a date and time like 2026-12-07T09:00:00Z")
    .optional(),
  ROUND_PEOPLE_KEPT: z.coerce.number({ invalid_type_error: "must be a whole number of people, 0 or more" }).int("must be a whole number of people, 0 or more").min(0, "must be a whole number of people, 0 or more").max(10_000_000, "must be at most 10,000,000").default(250_000),
  COLLAB_UNLOAD_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  COLLAB_COMPACTION_THRESHOLD: z.coerce.number().int().min(10).max(100_000).default(500),
  COLLAB_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  COLLAB_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(100),
  COLLAB_MAX_SOCKETS_PER_DOCUMENT: z.coerce.number().int().min(1).max(100_000).default(250),
  COLLAB_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(20),
  COLLAB_REDIS_CHANNEL_PREFIX: z.string().min(1).max(100).default("poet:collab:"),
  /** After a socket is closed for a breach (presence flood, oversize frame, rate), its person waits this long to reconnect to that plan (ADR 033)… */
  COLLAB_BREACH_COOLDOWN_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
  /** …doubling on each repeat soon after, up to this. */
  COLLAB_BREACH_COOLDOWN_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(300_000),
  SEED_DEMO: z.enum(["true", "false"], { message: "must be true or false" }).optional(),
});

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const name = String(issue.path[0] ?? "configuration");
  return `Invalid configuration: ${name} ${issue.message.replace(/^Invalid input$/, "is not valid")}.`;
}

function keptSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Parses the environment into a Config, or throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) throw new ConfigError(describe(result.error));
  const v = result.data;
  const dataDir = path.resolve(v.DATA_DIR);
  if (v.NODE_ENV === "production" && !v.SESSION_SECRET) {
    throw new ConfigError("Invalid configuration: SESSION_SECRET is required when NODE_ENV=production (at least 32 characters; try: openssl rand -hex 32).");
  }
  const databaseUrl = v.DATABASE_URL ?? `file:${path.join(dataDir, "poet.db")}`;
  return {
    env: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    dataDir,
    databaseUrl,
    databaseProvider: databaseUrl.startsWith("file:") ? "sqlite" : "postgresql",
    redisUrl: v.REDIS_URL ?? null,
    sessionSecret: v.SESSION_SECRET ?? keptSessionSecret(dataDir),
    allowedOrigins: v.ALLOWED_ORIGINS,
    trustProxy: v.TRUST_PROXY,
    // Production never seeds demo accounts, whatever SEED_DEMO says.
    seedDemo: v.NODE_ENV !== "production" && v.SEED_DEMO !== "false",
    remixDevOrigin: v.REMIX_DEV_ORIGIN ?? null,
    smtp: v.SMTP_URL ? { url: v.SMTP_URL, from: v.SMTP_FROM } : null,
    publicUrl: v.PUBLIC_URL ?? `http://localhost:${v.PORT}`,
    roundPeopleKept: v.ROUND_PEOPLE_KEPT,
    reminders: {
      enabled: v.REMINDERS_ENABLED === "true",
      day: v.REMINDERS_DAY,
      hour: v.REMINDERS_HOUR,
      checkEveryMs: v.REMINDERS_CHECK_MS,
      // A pretend clock is for tests; production always uses the real time.
      fakeNow: v.REMINDERS_FAKE_NOW && v.NODE_ENV !== "production" ? new Date(v.REMINDERS_FAKE_NOW) : null,
    },
    collab: {
      unloadGraceMs: v.COLLAB_UNLOAD_GRACE_MS,
      compactionThreshold: v.COLLAB_COMPACTION_THRESHOLD,
      maxFrameBytes: v.COLLAB_MAX_FRAME_BYTES,
      messagesPerSecond: v.COLLAB_MESSAGES_PER_SECOND,
      maxSocketsPerDocument: v.COLLAB_MAX_SOCKETS_PER_DOCUMENT,
      maxSocketsPerUser: v.COLLAB_MAX_SOCKETS_PER_USER,
      redisChannelPrefix: v.COLLAB_REDIS_CHANNEL_PREFIX,
      breachCooldownMs: v.COLLAB_BREACH_COOLDOWN_MS,
      maxBreachCooldownMs: Math.max(v.COLLAB_BREACH_COOLDOWN_MS, v.COLLAB_BREACH_COOLDOWN_MAX_MS),
    },
  };
}
