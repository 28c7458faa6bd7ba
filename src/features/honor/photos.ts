import Taro from '@tarojs/taro';
import { isWeapp } from '@/api/client';
import { asEnvelope } from '@/api/envelope';
import { getToken } from '@/api/token';
import { MAX_PHOTO_BYTES } from '@/core/honor/rules';

/**
 * Deeds photos: chosen on the phone or in the browser, checked here (type and size) and uploaded
 * before the nomination is sent. weapp: CloudBase storage, giving a `cloud://` file id. H5: the local
 * server's POST /upload, giving an `upload:` file id. The server checks the ids (and, locally, the bytes).
 */

export type PhotoResult = { ok: true; id: string } | { ok: false; message: string };

const TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const TOO_BIG = '图片不能超过 2 MB';
const BAD_TYPE = '只支持 JPG、PNG 或 WebP 格式的图片';
const NOT_AN_IMAGE = '所选文件不是图片，请选择 JPG、PNG 或 WebP 格式的照片';

function isCancel(error: unknown): boolean {
  const errMsg = typeof error === 'object' && error !== null ? (error as { errMsg?: unknown }).errMsg : undefined;
  return typeof errMsg === 'string' && errMsg.includes('cancel');
}

/** Lets the user pick up to `max` images; resolves to one result per image (empty when cancelled). */
export async function pickPhotos(max: number): Promise<PhotoResult[]> {
  let files: Taro.chooseImage.ImageFile[];
  try {
    const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    files = res.tempFiles.slice(0, max);
    // Taro's H5 picker (4.2) drops every chosen file that fails to load as an image and then
    // "succeeds" with none (a dismissed picker rejects with 'cancel' instead): say why nothing came.
    if (files.length === 0) return [{ ok: false, message: NOT_AN_IMAGE }];
  } catch (error) {
    // Dismissing the picker is no failure; anything else is.
    if (isCancel(error)) return [];
    return [{ ok: false, message: NOT_AN_IMAGE }];
  }
  const out: PhotoResult[] = [];
  for (const file of files) out.push(isWeapp ? await uploadToCloud(file) : await uploadToServer(file));
  return out;
}

function extensionOf(path: string): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'jpeg' || ext === 'jpg') return 'jpg';
  return ext === 'png' || ext === 'webp' ? ext : null;
}

async function uploadToCloud(file: Taro.chooseImage.ImageFile): Promise<PhotoResult> {
  const ext = extensionOf(file.path);
  if (!ext) return { ok: false, message: BAD_TYPE };
  if (file.size > MAX_PHOTO_BYTES) return { ok: false, message: TOO_BIG };
  try {
    const name = Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
    const res = await Taro.cloud.uploadFile({ cloudPath: `honor/${name}.${ext}`, filePath: file.path });
    return { ok: true, id: res.fileID };
  } catch {
    return { ok: false, message: '图片上传失败，请稍后重试' };
  }
}

async function uploadToServer(file: Taro.chooseImage.ImageFile): Promise<PhotoResult> {
  let blob: Blob = file.originalFileObj ?? (await (await fetch(file.path)).blob());
  // Phone photos are often larger than the limit, or HEIC: a re-encoded copy usually fits.
  if (blob.size > MAX_PHOTO_BYTES || !TYPES[blob.type]) blob = (await shrink(blob)) ?? blob;
  if (!TYPES[blob.type]) return { ok: false, message: BAD_TYPE };
  if (blob.size > MAX_PHOTO_BYTES) return { ok: false, message: TOO_BIG };
  try {
    const headers: Record<string, string> = { 'Content-Type': blob.type };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch('/upload', { method: 'POST', headers, body: blob });
    const envelope = asEnvelope(await response.json().catch(() => undefined));
    if (!envelope.ok) return { ok: false, message: envelope.error.message };
    const id = (envelope.data as { fileId?: unknown }).fileId;
    return typeof id === 'string' ? { ok: true, id } : { ok: false, message: '图片上传失败，请稍后重试' };
  } catch {
    return { ok: false, message: '图片上传失败，请稍后重试' };
  }
}

/** A JPEG of at most 1600 px on the long side; null when the browser cannot decode the image. */
async function shrink(blob: Blob): Promise<Blob | null> {
  try {
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  } catch {
    return null;
  }
}
