import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, HTTP_STATUS } from '../../src/core/errors';

/**
 * Whatever fails on the local server, the answer is the contract's envelope
 * `{ ok: false, error: { code, message } }` with the code's status — Fastify's own error bodies
 * (414 for a long action name, 400 for a bad URL) never reach a client.
 */

export function send(reply: FastifyReply, error: AppError, status = HTTP_STATUS[error.code]): FastifyReply {
  return reply.status(status).send({ ok: false, error: error.toApiError() });
}

/** Fastify errors raised before a route runs (bad URL encoding, a path segment over the limit). */
export function frameworkError(error: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') void send(reply, new AppError('NOT_FOUND', '未知的操作'));
  else void send(reply, new AppError('INVALID_INPUT', '请求地址有误'));
}

/** Errors of parsing and of the framework inside a route, as the contract's codes. */
export function useEnvelope(app: FastifyInstance, messages: { tooLarge: string; malformed: string }): void {
  app.setErrorHandler((error: FastifyError | AppError, _req, reply) => {
    if (error instanceof AppError) return send(reply, error);
    if (error.statusCode === 413) return send(reply, new AppError('INVALID_INPUT', messages.tooLarge));
    if (error.statusCode === 415) return send(reply, unsupportedType(), 415);
    if (error.statusCode && error.statusCode < 500)
      return send(reply, new AppError('INVALID_INPUT', messages.malformed));
    return send(reply, new AppError('INTERNAL'));
  });
}

export function unsupportedType(): AppError {
  return new AppError('INVALID_INPUT', '请求须为 JSON（Content-Type: application/json）');
}

/** `application/json`, with or without a charset. */
export function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}
