import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as wxServerSdk from 'wx-server-sdk';
import { main } from '../../server/entry/cloud';
import { COLLECTION_SPECS, type Collections } from '../../server/features';
import type { StaffDoc } from '../../server/kernel/member';
import { openCloudbaseStore } from '../../server/store/cloudbase';
import type { CloudDatabase } from '../../server/store/cloudbase/sdk';
import type { Role } from '../../src/core/roles';
import type { CloudbaseDouble } from './cloudbase-double';
import { setCaller } from './cloudbase-env';

/**
 * What the cloud journeys need beyond the database double: WeChat's content check, which `main`
 * calls through the real SDK (`cloud.openapi.security.msgSecCheck`) for every free text. The SDK
 * sends it to the same service address as database calls, as multipart/form-data with action
 * `wx.openApi`, the parameters in a protobuf `CommApiData` (openapiData.pairs: key, JSON value), and
 * reads back a protobuf `CommOpenApiResp` { respData, contentType } (wx-server-sdk 4.0.2, read from
 * its source). The front answers those itself and passes everything else to the double untouched.
 */

/** Text containing this is `risky`; everything else passes. */
export const RISKY_WORD = '违禁词样例';

export interface WeChatFront {
  /** The address to give the SDK (TCB_CONTEXT_CNFG.URL) in place of the double's. */
  url: string;
  /** Every text WeChat was asked to check, in order. */
  checked: string[];
  /** Every subscribe message WeChat was asked to send, with its parameters as WeChat reads them. */
  sent: Record<string, unknown>[];
  /** What subscribeMessage.send answers next (WeChat's errcode; 0 sends). */
  subscribeAnswer: { errcode: number; errmsg: string };
  /** Every wxacode.getUnlimited request, with its parameters as WeChat reads them. */
  codes: Record<string, unknown>[];
  /** A refusal for the next codes; null answers WXACODE_IMAGE as image/jpeg (WeChat's buffer response). */
  codeRefusal: { errcode: number; errmsg: string } | null;
  close(): Promise<void>;
}

/** The picture the front hands back for a mini-program code: a JPEG's first bytes, enough to recognise. */
export const WXACODE_IMAGE = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

/** Protobuf fields of wire types 0 (varint) and 2 (length-delimited): enough for CommApiData. */
function* fields(buf: Buffer): Generator<{ no: number; bytes: Buffer }> {
  let at = 0;
  const varint = () => {
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= buf.length) throw new Error('a truncated openapi request');
      const b = buf[at++];
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
    }
  };
  while (at < buf.length) {
    const tag = varint();
    if ((tag & 7) === 0) varint();
    else if ((tag & 7) === 2) {
      const length = varint();
      yield { no: tag >>> 3, bytes: buf.subarray(at, at + length) };
      at += length;
    } else throw new Error(`wire type ${tag & 7} in an openapi request`);
  }
}

function lengthDelimited(no: number, bytes: Buffer): Buffer {
  const head = [(no << 3) | 2];
  for (let n = bytes.length; ; n >>>= 7) {
    if (n < 0x80) {
      head.push(n);
      break;
    }
    head.push((n & 0x7f) | 0x80);
  }
  return Buffer.concat([Buffer.from(head), bytes]);
}

/** The named parts of a multipart/form-data body. */
function formParts(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = Buffer.from(`--${/boundary=(.+)$/.exec(contentType)?.[1] ?? ''}`);
  const parts = new Map<string, Buffer>();
  let at = body.indexOf(boundary);
  while (at >= 0) {
    const next = body.indexOf(boundary, at + boundary.length);
    if (next < 0) break;
    const part = body.subarray(at + boundary.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const name = /name="([^"]+)"/.exec(part.subarray(0, split).toString())?.[1];
    if (name) parts.set(name, part.subarray(split + 4));
    at = next;
  }
  return parts;
}

/** The parameters of an openapi call, as WeChat's server reads them (snake_case keys). */
function openapiParams(requestData: Buffer): Map<string, unknown> {
  const params = new Map<string, unknown>();
  for (const data of fields(requestData)) {
    if (data.no !== 2) continue; // openapiData
    for (const pair of fields(data.bytes)) {
      const kv = new Map([...fields(pair.bytes)].map((f) => [f.no, f.bytes]));
      params.set(String(kv.get(1)), JSON.parse(String(kv.get(2))));
    }
  }
  return params;
}

function jsonAnswer(json: object): Buffer {
  return bufferAnswer(Buffer.from(JSON.stringify(json)), 'application/json; charset=UTF-8');
}

function bufferAnswer(respData: Buffer, contentType: string): Buffer {
  return Buffer.concat([lengthDelimited(1, respData), lengthDelimited(2, Buffer.from(contentType))]);
}

function msgSecCheckAnswer(requestData: Buffer, checked: string[]): Buffer {
  const content = String(openapiParams(requestData).get('content'));
  checked.push(content);
  const suggest = content.includes(RISKY_WORD) ? 'risky' : 'pass';
  const json = { errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20001 } };
  return Buffer.concat([
    lengthDelimited(1, Buffer.from(JSON.stringify(json))),
    lengthDelimited(2, Buffer.from('application/json; charset=UTF-8')),
  ]);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startWeChatFront(double: CloudbaseDouble): Promise<WeChatFront> {
  const target = new URL(double.url);
  const checked: string[] = [];
  const front: WeChatFront = {
    url: '',
    checked,
    sent: [],
    subscribeAnswer: { errcode: 0, errmsg: 'ok' },
    codes: [],
    codeRefusal: null,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const type = req.headers['content-type'] ?? '';
      const form = type.startsWith('multipart/form-data') ? formParts(body, type) : null;
      if (form && String(form.get('action')) === 'wx.openApi') {
        if (String(form.get('apiName')) === 'subscribeMessage.send') {
          const params = openapiParams(form.get('requestData') ?? Buffer.alloc(0));
          front.sent.push(Object.fromEntries(params));
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          res.end(jsonAnswer(front.subscribeAnswer));
          return;
        }
        if (String(form.get('apiName')) === 'wxacode.getUnlimited') {
          front.codes.push(Object.fromEntries(openapiParams(form.get('requestData') ?? Buffer.alloc(0))));
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          res.end(front.codeRefusal ? jsonAnswer(front.codeRefusal) : bufferAnswer(WXACODE_IMAGE, 'image/jpeg'));
          return;
        }
        if (String(form.get('apiName')) !== 'security.msgSecCheck') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'INVALID_ACTION', message: `no ${String(form.get('apiName'))} here` }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(msgSecCheckAnswer(form.get('requestData') ?? Buffer.alloc(0), checked));
        return;
      }
      const headers = { ...req.headers, host: target.host };
      const pass = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers });
      pass.on('response', (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      pass.on('error', () => res.destroy());
      pass.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  front.url = `http://127.0.0.1:${port}${target.pathname}`;
  return front;
}

/** One call as WeChat makes it: the caller's OPENID in the per-call environment, then `main(event, context)`. */
export async function call<T = Record<string, unknown>>(
  openid: string,
  action: string,
  input: unknown = {},
): Promise<{ ok: true; data: T } | { ok: false; error: { code: string; details?: Record<string, unknown> } }> {
  setCaller(openid);
  return (await main({ action, input }, { time_limit_in_ms: 20_000 })) as never;
}

/** The data of a call that must succeed (its error in the failure message otherwise). */
export async function ok<T = Record<string, unknown>>(openid: string, action: string, input: unknown = {}): Promise<T> {
  const answer = await call<T>(openid, action, input);
  if (!answer.ok) throw new Error(`${action} as ${openid}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

export interface Person {
  id: string;
  openid: string;
  roles: Role[];
}

/**
 * The unit's roster, bound, written through the SDK that `main` initialised (call `main` once
 * first): the store adds the hidden key fields the double's unique indexes cover.
 */
export async function seedRoster(people: readonly Person[], at: string): Promise<void> {
  const db = (wxServerSdk as unknown as { database(): CloudDatabase }).database();
  const store = openCloudbaseStore<Collections>(db, COLLECTION_SPECS);
  for (const [i, p] of people.entries()) {
    const doc: StaffDoc = {
      _id: p.id,
      staffNo: `J${String(i + 1).padStart(4, '0')}`,
      name: `同事${i + 1}`,
      department: i % 2 === 0 ? '办公室' : '预算科',
      roles: p.roles,
      active: true,
      openid: p.openid,
      boundAt: at,
      createdAt: at,
      updatedAt: at,
    };
    await store.collection('staff').insert(doc);
  }
  await store.close();
}
