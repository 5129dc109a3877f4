// Outgoing email for links people would otherwise hand over themselves (password resets, invitations).
// Only when SMTP_URL is set; without it the app shows the link to copy.
import nodemailer from "nodemailer";
import { appSettings } from "./appSettings.server";

/** unsubscribeUrl: sent as the List-Unsubscribe header too, so mail programs can offer "unsubscribe". */
export type Mail = { to: string; subject: string; text: string; unsubscribeUrl?: string };
export type MailOutcome = { sent: true } | { sent: false; reason: string };

export function mailConfigured(): boolean {
  return Boolean(appSettings().smtp);
}

/** Sends one plain-text message; never throws (a failed send is reported so the page can show the link instead). */
export async function sendMail(mail: Mail): Promise<MailOutcome> {
  const smtp = appSettings().smtp;
  if (!smtp) return { sent: false, reason: "Email is not set up on this server." };
  try {
    const transport = nodemailer.createTransport(smtp.url);
    await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.unsubscribeUrl ? { list: { unsubscribe: mail.unsubscribeUrl } } : {}) });
    transport.close();
    return { sent: true };
  } catch (error) {
    console.error(`WARN email to ${mail.to} was not sent: ${(error as Error).message}`);
    return { sent: false, reason: "The email could not be sent." };
  }
}
