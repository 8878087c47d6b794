// The case library's part of the public stylesheet (server/pages/library-page.tsx): one column on
// a phone, filters in a row from 720 px; nothing wider than the screen, down to 195 CSS px.
export const LIBRARY_CSS = `
.library-form p{margin:0 0 10px}
.library-form label{display:block;font-weight:600;font-size:15px}
.library-search{display:flex;flex-wrap:wrap;gap:8px;align-items:stretch}
.library-search input{flex:1 1 12em;min-width:0;font:inherit;padding:8px 10px;border:1px solid #8c8c8c;border-radius:6px}
.library-search .button{margin:0;border:0;font:inherit;font-weight:600;cursor:pointer}
.library-filters{display:grid;grid-template-columns:minmax(0,1fr);gap:0 12px}
.library-field select{width:100%;font:inherit;font-size:15px;padding:6px 8px;border:1px solid #8c8c8c;border-radius:6px;background:#fff}
.library-reset{font-size:14px}
.library-count{margin:0 0 8px;font-weight:600}
.library-hits{list-style:none;padding:0;margin:0}
.library-hit{border-bottom:1px dashed #e8e8e8;padding:12px 0}
.library-hit:last-child{border-bottom:0}
.library-hit h3{font-size:18px;line-height:1.45;margin:0 0 4px}
.library-hit h3 a{text-decoration:none}
.library-hit h3 a:hover{text-decoration:underline}
.library-meta{display:flex;flex-wrap:wrap;gap:2px 12px;margin:0 0 4px;font-size:14px;color:#595959}
.library-tier{padding:0 8px;border-radius:10px;background:#fff1b8;color:#874d00;border:1px solid #ffd666;font-weight:600}
.library-snippet{margin:0;font-size:15px;color:#434343}
.library-snippet mark,.library-hit mark{background:#fff1b8;color:inherit;padding:0 1px}
.library-pages{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-top:16px}
.library-pages a{display:inline-block;min-width:2.5em;text-align:center;padding:4px 10px;border:1px solid #d9d9d9;border-radius:6px;text-decoration:none;background:#fff}
.library-pages a[aria-current]{background:#a8071a;color:#fff;border-color:#a8071a}
.library-suggestions li{margin:4px 0}
@media (min-width:360px){.library-filters{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media (min-width:720px){.library-filters{grid-template-columns:repeat(4,minmax(0,1fr))}}
`;
