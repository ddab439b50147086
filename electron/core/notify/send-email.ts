import { createTransport } from 'nodemailer';
import type { EmailSettings } from '../../../shared/formats/notifications-schema';
import type { EmailMessage } from '../../../shared/notify/email-message';
import { NotifyError, raceAbort } from './notify-error';

// One e-mail over SMTP with nodemailer: a fresh connection per message (notifications are rare,
// and a pooled connection would outlive the run), bounded by the attempt's timeout.

export interface EmailRequest {
  settings: EmailSettings;
  /** The resolved `${secret:…}` password, if the server wants a login. */
  password?: string;
  message: EmailMessage;
  timeoutMs: number;
  signal?: AbortSignal;
  /** How errors name the channel; the server's host:port is added. */
  display?: string;
}

interface SmtpFailure {
  code?: string;
  /** The socket's own code (ECONNREFUSED …) when nodemailer wraps it as ESOCKET. */
  originalCode?: string;
  responseCode?: number;
  permanent?: boolean;
  response?: string;
  message?: string;
}

const socketWords: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found (DNS)',
  EHOSTUNREACH: 'host unreachable',
  ECONNRESET: 'connection closed by the server',
};

function smtpError(error: SmtpFailure, where: string, timeoutMs: number): NotifyError {
  const code = error.code ?? '';
  if (code === 'EAUTH' || code === 'ENOAUTH') {
    return new NotifyError('smtp-auth', `${where}: login refused${error.response ? ` (${error.response})` : ''}`, true);
  }
  if (code === 'ETIMEDOUT') return new NotifyError('timeout', `${where}: no answer within ${timeoutMs} ms`, false);
  if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'EDNS') {
    const original = error.originalCode ?? '';
    const cause = (Object.hasOwn(socketWords, original) ? socketWords[original] : undefined) ?? error.message ?? code;
    return new NotifyError('unreachable', `${where}: ${cause}`, false);
  }
  const reply = error.response ?? error.message ?? 'failed';
  return new NotifyError('smtp-failed', `${where}: ${reply}`, error.permanent === true, {
    responseCode: error.responseCode,
  });
}

export async function sendEmail(request: EmailRequest): Promise<{ messageId: string }> {
  const { settings, message } = request;
  const server = `SMTP ${settings.host}:${settings.port}`;
  const where = request.display ? `${request.display} (${server})` : server;
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure ?? settings.port === 465,
    auth: settings.user ? { user: settings.user, pass: request.password ?? '' } : undefined,
    connectionTimeout: request.timeoutMs,
    greetingTimeout: request.timeoutMs,
    socketTimeout: request.timeoutMs,
  });
  try {
    const sending = transport.sendMail({
      from: settings.from,
      to: settings.to,
      cc: settings.cc.length > 0 ? settings.cc : undefined,
      subject: message.subject,
      text: message.text,
      attachments: message.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
    });
    const info = await raceAbort(sending, request.signal, where);
    return { messageId: info.messageId };
  } catch (error) {
    if (error instanceof NotifyError) throw error;
    throw smtpError(error as SmtpFailure, where, request.timeoutMs);
  } finally {
    transport.close();
  }
}
