// The stylesheet of the public pages, served as one immutable, precompressed file.
export const SITE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Source Han Sans SC",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:16px;line-height:1.75;color:#1f1f1f;background:#f6f4f1}
a{color:#a8071a}
a:focus-visible,button:focus-visible{outline:3px solid #fa8c16;outline-offset:2px}
input,select,textarea{max-width:100%}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:10}
.topbar{background:#a8071a;color:#fff}
.topbar .inner{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:10px 16px}
.brand{color:#fff;text-decoration:none;font-weight:700;letter-spacing:.08em}
.brand small{font-weight:400;opacity:.85;margin-left:8px;letter-spacing:0}
.lang{color:#fff;border:1px solid rgba(255,255,255,.7);border-radius:16px;padding:2px 12px;text-decoration:none;font-size:14px;white-space:nowrap}
.inner{max-width:980px;margin:0 auto}
.notice{background:#fffbe6;border-bottom:1px solid #ffe58f;padding:8px 16px;font-size:14px}
.hero{background:linear-gradient(135deg,#a8071a 0%,#cf1322 60%,#d4380d 100%);color:#fff;padding:28px 16px 32px}
.hero .edition{display:inline-block;border:1px solid rgba(255,255,255,.6);border-radius:4px;padding:0 8px;font-size:14px}
.hero h1{font-size:26px;line-height:1.35;margin:12px 0 12px;letter-spacing:.02em}
.hero .theme{font-size:17px;margin:0 0 16px;padding-left:12px;border-left:4px solid #ffd666}
.hero .meta{font-size:14px;opacity:.92;margin:4px 0}
main{padding:0 16px 40px}
main.special{padding:0}
.special>.content{padding:0 16px 40px}
.status{background:#fff;border-radius:10px;box-shadow:0 2px 10px rgba(0,0,0,.08);margin:-18px 0 24px;padding:18px 18px;position:relative}
.badge{display:inline-block;border-radius:12px;padding:0 10px;font-size:14px;font-weight:600}
.badge.open{background:#f6ffed;color:#237804;border:1px solid #b7eb8f}
.badge.upcoming{background:#e6f4ff;color:#0958d9;border:1px solid #91caff}
.badge.closed{background:#f5f5f5;color:#595959;border:1px solid #d9d9d9}
.status p{margin:8px 0 0}
.countdown{display:flex;gap:8px;flex-wrap:wrap;margin-top:10px;align-items:baseline}
.countdown .label{font-size:14px;color:#595959;width:100%}
.countdown b{font-size:28px;color:#a8071a;font-variant-numeric:tabular-nums}
.countdown span{font-size:14px;margin-right:6px}
.button{display:inline-block;background:#a8071a;color:#fff;text-decoration:none;border-radius:6px;padding:10px 18px;font-weight:600;margin-top:14px}
.button:hover{background:#cf1322}
.button.secondary{background:#fff;color:#a8071a;border:1px solid #a8071a;padding:9px 17px}
.button.secondary:hover{background:#fff1f0}
.actions{display:flex;flex-wrap:wrap;gap:10px;align-items:center}
.apply-when{font-weight:600}
.prepare li{margin:4px 0}
.campaign-group h2{margin-top:16px}
.hint{font-size:14px;color:#595959}
nav.toc{margin:0 0 8px;overflow-x:auto;white-space:nowrap;-webkit-overflow-scrolling:touch;padding-bottom:4px}
nav.toc a{display:inline-block;margin:0 6px 6px 0;padding:4px 12px;border-radius:16px;background:#fff;border:1px solid #eee;text-decoration:none;color:#434343;font-size:14px}
section{background:#fff;border-radius:10px;padding:18px;margin:16px 0;scroll-margin-top:12px}
h2{font-size:20px;margin:0 0 12px;color:#820014;border-bottom:2px solid #ffccc7;padding-bottom:6px}
h3{font-size:17px;margin:0 0 6px}
.grid{display:grid;grid-template-columns:1fr;gap:12px;list-style:none;padding:0;margin:12px 0 0}
.card{border:1px solid #f0f0f0;border-radius:8px;padding:14px;background:#fffdfb}
.card .num{display:inline-flex;align-items:center;justify-content:center;width:26px;height:26px;border-radius:50%;background:#a8071a;color:#fff;font-size:14px;margin-right:8px;flex:none}
.card h3{display:flex;align-items:center}
.card p{margin:0;font-size:15px;color:#434343}
.criteria .card h3{color:#a8071a}
.elements{list-style:none;padding:0;margin:8px 0;display:flex;flex-wrap:wrap;gap:8px}
.elements li{border:1px solid #ffccc7;border-radius:6px;padding:4px 12px;background:#fff1f0}
.limits{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin:12px 0}
.limits div{background:#fff7e6;border-radius:8px;padding:10px;text-align:center}
.limits b{display:block;font-size:24px;color:#ad4e00}
.platform-rules{border:1px solid #d9d9d9;border-left:4px solid #8c8c8c;border-radius:6px;background:#fafafa;padding:10px 14px;margin:12px 0 0;font-size:14px;color:#434343}
.platform-rules p{margin:0 0 4px}
.platform-rules ul{margin:0;padding-left:20px}
.platform-rules li{margin:4px 0}
.timeline{list-style:none;margin:8px 0 12px;padding:0 0 0 18px;border-left:2px solid #ffccc7}
.timeline li{position:relative;padding:4px 0 8px 8px}
.timeline li::before{content:"";position:absolute;left:-25px;top:12px;width:12px;height:12px;border-radius:50%;background:#fff;border:2px solid #cf1322}
.timeline li.past::before{background:#cf1322}
.timeline time{display:block;font-weight:600;font-variant-numeric:tabular-nums}
.attachments{list-style:none;padding:0;margin:8px 0}
.attachments li{border-bottom:1px dashed #f0f0f0;padding:8px 0}
.tag{font-size:12px;border-radius:4px;padding:0 6px;margin-left:6px;vertical-align:middle}
.tag.req{background:#fff1f0;color:#a8071a;border:1px solid #ffa39e}
.tag.opt{background:#fafafa;color:#595959;border:1px solid #d9d9d9}
.contacts dt{font-weight:600;margin-top:6px}
.contacts dd{margin:0}
.audit-heads{list-style:none;padding:0;margin:0}
.audit-heads li{border-bottom:1px dashed #f0f0f0;padding:8px 0}
.audit-heads dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}
.audit-heads dt{font-weight:600}
.audit-heads dd{margin:0;min-width:0;overflow-wrap:anywhere}
.campaigns{list-style:none;padding:0}
section.first{margin-top:24px}
section.first h1{font-size:22px;line-height:1.4;margin:0 0 12px;color:#820014}
.campaign-title{margin-top:8px}
footer{font-size:13px;color:#595959;text-align:center;padding:20px 16px 32px}
/* 200 % zoom on a phone (195 CSS px): long words, addresses and times break instead of pushing the page sideways. */
.topbar .inner{flex-wrap:wrap}
main,.brand{overflow-wrap:anywhere}
@media (max-width:359px){
main,.special>.content{padding:0 8px 32px}
main.special{padding:0}
section,.status{padding:12px}
.card{padding:10px}
.limits{grid-template-columns:minmax(0,1fr)}
}
@media (min-width:720px){
.hero{padding:40px 16px 48px}
.hero h1{font-size:34px}
.grid{grid-template-columns:1fr 1fr}
.criteria.grid{grid-template-columns:1fr 1fr 1fr 1fr}
.status{padding:22px 26px}
section{padding:24px 28px}
}
`;
