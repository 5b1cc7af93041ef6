/** The playground's stylesheet: a chat channel, readable at phone width, no framework. */
export const PAGE_STYLE = `
:root { --fg:#1f2328; --muted:#57606a; --line:#d0d7de; --bg:#f6f8fa; --accent:#0072b2; --warn:#9a6700; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color:var(--fg); background:#fff; display:flex; flex-direction:column; height:100vh; }
header { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; padding:.6rem 1rem; border-bottom:1px solid var(--line); background:var(--bg); }
header h1 { font-size:1.05rem; margin:0; }
header label { font-size:.85rem; color:var(--muted); }
header input { font:inherit; padding:.2rem .4rem; width:9rem; }
#clock { font-variant-numeric:tabular-nums; font-size:.85rem; color:var(--muted); }
.dev button { font-size:.8rem; }
main { flex:1; overflow-y:auto; padding:.5rem 1rem; }
ol#messages { list-style:none; margin:0; padding:0; }
ol#messages > li { padding:.45rem 0; border-bottom:1px solid #eef1f4; }
.meta { font-size:.8rem; color:var(--muted); }
.meta strong { color:var(--fg); }
.reply h3 { margin:.2rem 0; font-size:1rem; }
.reply p { margin:.3rem 0; }
.reply.ephemeral { border-left:3px solid var(--warn); padding-left:.6rem; }
.only-you { font-size:.75rem; color:var(--warn); margin:0; }
.context { font-size:.82rem; color:var(--muted); }
dl.fields { display:grid; grid-template-columns:repeat(auto-fill,minmax(11rem,1fr)); gap:.2rem 1rem; margin:.3rem 0; }
dl.fields dt { font-size:.8rem; color:var(--muted); } dl.fields dd { margin:0; }
.table-wrap { overflow-x:auto; } table { border-collapse:collapse; font-size:.88rem; margin:.3rem 0; }
th, td { padding:.15rem .6rem; border-bottom:1px solid var(--line); text-align:left; } .num { text-align:right; font-variant-numeric:tabular-nums; }
pre { background:var(--bg); padding:.5rem; overflow-x:auto; font-size:.85rem; margin:.3rem 0; }
figure.chart { margin:.4rem 0; max-width:800px; } figure.chart svg { width:100%; height:auto; } figcaption { font-size:.8rem; color:var(--muted); }
.actions { display:flex; flex-wrap:wrap; gap:.4rem; margin:.4rem 0; }
button.action { font:inherit; padding:.35rem .8rem; border:1px solid var(--line); border-radius:6px; background:#fff; cursor:pointer; }
button.action.primary { background:var(--accent); color:#fff; border-color:var(--accent); }
button.action.danger { color:#cf222e; }
form#composer { display:flex; gap:.5rem; padding:.6rem 1rem; border-top:1px solid var(--line); background:var(--bg); }
form#composer input { flex:1; font:inherit; padding:.45rem .6rem; min-width:0; }
form#composer button { font:inherit; padding:.45rem 1rem; }
dialog form { display:flex; flex-direction:column; gap:.5rem; }
@media (max-width: 560px) { header input { width:7rem; } body { font-size:14px; } }
`;
