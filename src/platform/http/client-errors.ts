import type { Socket } from 'node:net';
import type { FastifyServerOptions } from 'fastify';

const ANSWERS: Record<string, { status: number; reason: string; title: string; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', title: 'Délai dépassé', detail: 'La demande a mis trop de temps à arriver. Rechargez la page.' },
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', title: 'Demande trop volumineuse', detail: 'La demande envoyée est trop volumineuse. Effacez les cookies de ce site puis rechargez la page.' },
};
const BAD_REQUEST = { status: 400, reason: 'Bad Request', title: 'Demande incorrecte', detail: "La demande envoyée n'a pas pu être comprise. Vérifiez l'adresse ou rechargez la page." };

/**
 * Requests Node's HTTP parser refuses (a malformed request line or header, headers too large, a
 * timeout) never reach Fastify: Fastify's default answer is English JSON without our headers.
 * This one is a small French page with the security headers; the connection is then closed.
 */
export function clientErrorHandler(securityHeaders: Record<string, string>): NonNullable<FastifyServerOptions['clientErrorHandler']> {
  return (error, socket: Socket) => {
    if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || socket.destroyed) return;
    const answer = ANSWERS[(error as NodeJS.ErrnoException).code ?? ''] ?? BAD_REQUEST;
    const body =
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${answer.title} – Guichet</title></head>` +
      `<body><main><h1>${answer.title}</h1><p>${answer.detail}</p><p><a href="/">Revenir à l'accueil</a></p></main></body></html>`;
    const headers = { ...securityHeaders, 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${answer.status} ${answer.reason}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
    }
    socket.destroy();
  };
}
