import Taro from '@tarojs/taro';
import { isWeapp } from './platform';

/**
 * Saves a file that arrived base64 in an API answer (an export, a template) and puts it in front of
 * the person: in the browser a real download (a Blob behind an object URL, clicked through a
 * `<a download>`); on WeChat, which has no downloads folder, a file in the mini-program's user data
 * folder opened with the system viewer, whose menu (showMenu) forwards or saves it.
 * Rejects with a Chinese message when the device refuses.
 */
export interface DownloadFile {
  fileName: string;
  mime: string;
  base64: string;
}

/** A name safe as one path segment: the server's names are Chinese text, dates and underscores. */
function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_') || 'download';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function browserDownload(file: DownloadFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = safeName(file.fileName);
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has handed the URL to the browser's download; freeing it at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function weappOpen(file: DownloadFile): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${safeName(file.fileName)}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: file.base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: () => reject(new Error('文件保存失败，请检查手机存储空间后重试')),
    });
  });
  const fileType = extensionOf(file.fileName);
  try {
    await Taro.openDocument({
      filePath,
      fileType: fileType as Taro.openDocument.Option['fileType'],
      showMenu: true,
    });
  } catch {
    throw new Error('文件已保存，但无法打开；请在电脑端下载');
  }
}

export async function saveAndOpen(file: DownloadFile): Promise<void> {
  if (isWeapp) await weappOpen(file);
  else browserDownload(file);
}
