// A real SMTP server on a free port that keeps every message it receives, for tests of what people are sent.
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; body: string };
export type Mailbox = {
  inbox: ReceivedMail[];
  /** SMTP_URL for an app that should send here. */
  url: string;
  /** Messages addressed to one person. */
  to: (address: string) => ReceivedMail[];
  close: () => Promise<void>;
};

/** Starts the server; bodies have quoted-printable soft line breaks (and en dashes) undone so tests can read them. */
export async function startMailbox(): Promise<Mailbox> {
  const inbox: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), body: body.replace(/=\r?\n/g, "").replace(/=E2=80=93/g, "–") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const port = (smtp.server.address() as { port: number }).port;
  return {
    inbox,
    url: `smtp://127.0.0.1:${port}`,
    to: (address) => inbox.filter((m) => m.to.includes(address)),
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
