// The receipt verification page's file picker: the chosen file is hashed in the browser, never
// uploaded, and its SHA-256 goes where the form sends it. Without JavaScript (or outside a
// secure context, where crypto.subtle is missing) the picker stays hidden and people paste
// what sha256sum printed.

/** The SHA-256 of `bytes` as 64 lower-case hexadecimal digits, as sha256sum prints it. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function startFileHash(): void {
  const picker = document.querySelector<HTMLInputElement>('input[data-hash-into]');
  const target = picker && document.getElementById(picker.dataset.hashInto ?? '');
  if (!picker || !(target instanceof HTMLInputElement) || !globalThis.crypto?.subtle) return;
  picker.closest('[hidden]')?.removeAttribute('hidden');
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (!file) return;
    target.value = '';
    void file.arrayBuffer().then(sha256Hex).then((hex) => {
      target.value = hex;
    });
  });
}

if (typeof document !== 'undefined') startFileHash();
