// The case page's part of the public stylesheet (server/pages/case-page.tsx): phone first, one
// column, a side column for sharing from 900 px, and a print style without the site's chrome.
export const CASE_PAGE_CSS = `
.case-page{display:grid;grid-template-columns:minmax(0,1fr);gap:0 24px}
.case-page article{min-width:0}
.case-head{padding:20px 0 4px}
.case-campaign{margin:0 0 8px;font-size:14px}
.case-campaign a{text-decoration:none}
.case-tier{display:inline-block;margin:0 0 8px;padding:0 10px;border-radius:12px;background:#fff1b8;color:#874d00;border:1px solid #ffd666;font-size:14px;font-weight:600}
.case-head h1{font-size:24px;line-height:1.4;margin:0 0 12px;color:#1f1f1f;overflow-wrap:anywhere}
.case-facts{display:grid;grid-template-columns:1fr;gap:4px;margin:0;font-size:15px}
.case-facts div{display:flex;gap:8px}
.case-facts dt{color:#8c8c8c;flex:none;min-width:5em}
.case-facts dd{margin:0;overflow-wrap:anywhere}
.case-text{font-size:17px;line-height:1.9;overflow-wrap:anywhere}
.case-text p{margin:0 0 12px;text-indent:2em}
.case-text table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}
.case-text td,.case-text th{border:1px solid #d9d9d9;padding:4px 8px}
.case-photo-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px;align-items:start}
.case-photos figure{margin:0}
.case-photos img{display:block;width:100%;height:auto;border-radius:6px;background:#f0f0f0}
.case-share{background:#fff;border-radius:10px;padding:18px;margin:16px 0;text-align:center}
.case-share h2{text-align:left}
.case-qr{display:block;margin:0 auto 4px;image-rendering:pixelated}
.print-only{display:none}
.case-link{width:100%;font:inherit;font-size:14px;padding:6px 8px;border:1px solid #d9d9d9;border-radius:6px;background:#fafafa}
@media (min-width:900px){.case-page{grid-template-columns:minmax(0,1fr) 240px}.case-share{position:sticky;top:16px;align-self:start;margin-top:20px}.case-head h1{font-size:30px}.case-facts{grid-template-columns:1fr 1fr}}
@media print{.topbar,.skip,.lang,.no-print,.case-link{display:none}body{background:#fff;color:#000;font-size:12pt}.case-page{display:block}section,.case-share{box-shadow:none;padding:0;margin:0 0 12pt;break-inside:auto}.case-share{text-align:left;border-top:1px solid #999;padding-top:8pt}.print-only{display:block!important;font-size:10pt;overflow-wrap:anywhere}.case-photos img{max-width:60%;break-inside:avoid}a{color:#000;text-decoration:none}h2{border-bottom:1px solid #999;break-after:avoid}}
`;
