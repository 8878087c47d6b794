import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** With its angle brackets: "<id@zhengji>". */
  messageId: string;
}

/** What the mail handler needs from a transport; nodemailer's SMTP transport in production. */
export interface MailTransport {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/**
 * An SMTP transport for a URL such as smtp://user:password@smtp.example.cn:587 (STARTTLS when the
 * server offers it) or smtps://…:465. The timeouts bound how long a silent server can hold an
 * attempt: the job's lease is renewed while it waits, so without them a dead connection would
 * keep the mail claimed indefinitely.
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close() {
      transporter.close();
    },
  };
}
