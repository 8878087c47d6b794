import { describe, expect, it } from 'vitest';
import { translator } from '../../../../core/i18n/messages.ts';
import { precheckFile } from './precheck-file.ts';

const PHOTOS = {
  key: 'photos', name: { 'zh-CN': '相关图片', en: 'Pictures' }, description: { 'zh-CN': '', en: '' },
  required: false, accept: ['image/jpeg', 'image/png'], maxBytes: 1024, maxCount: 20,
};
const t = translator('zh-CN');

describe('precheckFile', () => {
  it('says before uploading what the server would say about a file too big or plainly of the wrong type', async () => {
    expect(await precheckFile(new File([new Uint8Array(2048)], '大图.jpg'), PHOTOS, t, 'zh-CN')).toBe('文件“大图.jpg”超过 1 KB 的大小限制。');
    expect(await precheckFile(new File(['%PDF-1.7\n'], '扫描件.jpg'), PHOTOS, t, 'zh-CN')).toBe('文件“扫描件.jpg”的实际类型为 PDF 文档，相关图片只接受：JPEG 图片、PNG 图片。');
    expect(await precheckFile(new File([Uint8Array.from([0x4d, 0x5a, 0x90, 0])], 'photo.jpg'), PHOTOS, t, 'zh-CN')).toBe('文件“photo.jpg”未通过安全检查：它实际上是可执行程序，不能作为附件上传。');
  });

  it('lets through what only the server can judge, and what fits', async () => {
    expect(await precheckFile(new File([Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])], 'a.jpg'), PHOTOS, t, 'zh-CN')).toBeNull();
    expect(await precheckFile(new File(['PK\u0003\u0004'], 'a.docx'), PHOTOS, t, 'zh-CN')).toBeNull();
  });
});
