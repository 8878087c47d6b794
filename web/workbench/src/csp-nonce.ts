// The server admits run-time styles by a nonce made for each page load (see
// server/pages/workbench.routes.ts). Antd passes it to its own style tags; a few helpers of its
// rc-component dependencies (scroll-bar measuring, the drawer's scroll lock) insert <style>
// without one, so every style element our scripts insert gets it here. Markup injected by
// anyone else still has no nonce and stays refused.

/** The nonce of this page load, or undefined when served without one (Vite's dev server). */
export const CSP_NONCE: string | undefined = (() => {
  const value = document.querySelector('meta[name="zhengji-csp-nonce"]')?.getAttribute('content');
  return value && !value.startsWith('__') ? value : undefined;
})();

if (CSP_NONCE) {
  const stamp = (node: Node) => {
    if (node instanceof HTMLStyleElement && !node.nonce) node.nonce = CSP_NONCE;
  };
  const { appendChild, insertBefore } = Node.prototype;
  Node.prototype.appendChild = function <T extends Node>(this: Node, node: T): T {
    stamp(node);
    return appendChild.call(this, node) as T;
  };
  Node.prototype.insertBefore = function <T extends Node>(this: Node, node: T, child: Node | null): T {
    stamp(node);
    return insertBefore.call(this, node, child) as T;
  };
}
